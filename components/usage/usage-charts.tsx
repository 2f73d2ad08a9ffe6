"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatCount } from "@/components/request-logs/format";
import { formatUsd } from "@/lib/format/format-usd";
import { ChartCard, SERIES_COLORS } from "./chart-card";
import type { toChartSeries } from "./usage-series";

type Series = ReturnType<typeof toChartSeries>;
type ChartRows = Series["rows"];

const axis = { stroke: "currentColor", fontSize: 11, tickLine: false } as const;
const grid = <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />;
const tooltipStyle = { contentStyle: { fontSize: 12, borderRadius: 6 }, wrapperStyle: { color: "#18181b" } };
const usd = (dollars: number) => formatUsd(Math.round(dollars * 1e6));

const TOKEN_SERIES = [
  { dataKey: "inputTokens", name: "Input", color: 1 },
  { dataKey: "outputTokens", name: "Output", color: 0 },
  { dataKey: "cacheReadTokens", name: "Cache reads", color: 2 },
  { dataKey: "cacheWriteTokens", name: "Cache writes", color: 3 },
] as const;

// Series are drawn without entry animations: they redraw on every filter change, and a
// screenshot must show the data, not a chart half-grown.
export function UsageCharts({ series, groupLabel }: { series: Series; groupLabel: string }) {
  const { rows, groups } = series;
  return (
    <div className="grid gap-4 text-zinc-600 lg:grid-cols-2 dark:text-zinc-400">
      <ChartCard title="Requests per day" description={`By ${groupLabel}`}>
        <GroupedBars rows={rows} groups={groups} measure="requests" format={formatCount} axisWidth={44} />
      </ChartCard>
      <ChartCard title="Tokens per day" description="Input, output, cache reads and cache writes">
        <ResponsiveContainer>
          <AreaChart data={rows}>
            {grid}
            <XAxis dataKey="label" {...axis} />
            <YAxis {...axis} tickFormatter={formatCount} width={44} />
            <Tooltip {...tooltipStyle} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {TOKEN_SERIES.map((series) => (
              <Area
                isAnimationActive={false}
                key={series.dataKey}
                type="monotone"
                dataKey={series.dataKey}
                name={series.name}
                stackId="tokens"
                stroke={SERIES_COLORS[series.color]}
                fill={SERIES_COLORS[series.color]}
                fillOpacity={0.35}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Cost per day" description={`US dollars at the catalog's prices, by ${groupLabel}`}>
        <GroupedBars rows={rows} groups={groups} measure="cost" format={usd} axisWidth={56} />
      </ChartCard>
      <ChartCard
        title="Caching"
        description="Cache hit ratio (share of prompt tokens read from the cache) and money saved"
      >
        <ResponsiveContainer>
          <ComposedChart data={rows}>
            {grid}
            <XAxis dataKey="label" {...axis} />
            <YAxis yAxisId="ratio" {...axis} domain={[0, 100]} tickFormatter={(value) => `${value}%`} width={40} />
            <YAxis yAxisId="saved" orientation="right" {...axis} tickFormatter={usd} width={56} />
            <Tooltip
              {...tooltipStyle}
              formatter={(value, name) => (name === "Saved" ? usd(Number(value)) : `${Number(value).toFixed(1)}%`)}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar
              isAnimationActive={false}
              yAxisId="saved"
              dataKey="savedUsd"
              name="Saved"
              fill={SERIES_COLORS[2]}
              fillOpacity={0.5}
            />
            <Line
              isAnimationActive={false}
              yAxisId="ratio"
              type="monotone"
              dataKey="cacheHitPercent"
              name="Cache hit ratio"
              stroke={SERIES_COLORS[0]}
              dot={{ r: 2 }}
              strokeWidth={2}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Latency per day" description="p50 and p95 of successful requests, milliseconds">
        <ResponsiveContainer>
          <LineChart data={rows}>
            {grid}
            <XAxis dataKey="label" {...axis} />
            <YAxis {...axis} width={44} />
            <Tooltip {...tooltipStyle} formatter={(value) => `${value} ms`} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {(["p50", "p95"] as const).map((percentile, index) => (
              <Line
                isAnimationActive={false}
                key={percentile}
                type="monotone"
                dataKey={percentile}
                name={percentile}
                stroke={SERIES_COLORS[index === 0 ? 1 : 3]}
                strokeWidth={2}
                dot={{ r: 2 }}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}

/** A stacked bar per day with one segment per group (model or key): requests or cost. */
function GroupedBars({
  rows,
  groups,
  measure,
  format,
  axisWidth,
}: {
  rows: ChartRows;
  groups: string[];
  measure: "requests" | "cost";
  format: (value: number) => string;
  axisWidth: number;
}) {
  return (
    <ResponsiveContainer>
      <BarChart data={rows}>
        {grid}
        <XAxis dataKey="label" {...axis} />
        <YAxis {...axis} tickFormatter={format} width={axisWidth} />
        <Tooltip {...tooltipStyle} formatter={(value) => format(Number(value))} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {groups.map((group, index) => (
          <Bar
            isAnimationActive={false}
            key={group}
            dataKey={`${measure}:${group}`}
            name={group}
            stackId={measure}
            fill={SERIES_COLORS[index % SERIES_COLORS.length]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
