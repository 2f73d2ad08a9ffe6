"use client";

import { lazy, Suspense, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { QueryStatus } from "@/components/api-client/query-status";
import { requestJson } from "@/components/api-client/request-json";
import { formatCount, formatPercent } from "@/components/request-logs/format";
import { formatUsd } from "@/lib/format/format-usd";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import type { UsageSummary } from "@/lib/request-log/usage-summary";
import { daysBetween, toChartSeries } from "./usage-series";

// The charts library (recharts, ~110 kB gzipped) loads after the page: the totals and table do not need it.
const UsageCharts = lazy(() => import("./usage-charts").then((module) => ({ default: module.UsageCharts })));

const RANGE_DAYS = { "7": 7, "30": 30, "90": 90 } as const;

function Total({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** AI Gateway › Usage: requests, tokens, cost, caching and latency by day, by model or by key. */
export function UsageDashboard({ isAdmin }: { isAdmin: boolean }) {
  const [range, setRange] = useState<keyof typeof RANGE_DAYS>("30");
  const [groupBy, setGroupBy] = useState<"model" | "key">("model");
  // Whole UTC days, so the first bar is a full day.
  const from = useMemo(() => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - RANGE_DAYS[range] + 1));
  }, [range]);
  const usage = useQuery({
    queryKey: ["usage", range, groupBy],
    queryFn: () =>
      requestJson<UsageSummary>(`/api/usage?${new URLSearchParams({ from: from.toISOString(), groupBy })}`),
  });
  const series = useMemo(
    () => (usage.data ? toChartSeries(usage.data, daysBetween(from, new Date())) : undefined),
    [usage.data, from],
  );
  const totals = usage.data?.totals;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Usage"
        description={
          isAdmin ? "Traffic and spend through the gateway, every key." : "Traffic and spend of your API keys."
        }
      />
      <div className="flex flex-wrap gap-3">
        <Label className="text-xs">
          Period
          <Select
            value={range}
            onChange={(event) => setRange(event.target.value as keyof typeof RANGE_DAYS)}
            className="mt-1 h-8 w-40 text-[13px]"
            aria-label="Period"
          >
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
          </Select>
        </Label>
        <Label className="text-xs">
          Group by
          <Select
            value={groupBy}
            onChange={(event) => setGroupBy(event.target.value as "model" | "key")}
            className="mt-1 h-8 w-40 text-[13px]"
            aria-label="Group by"
          >
            <option value="model">Model</option>
            <option value="key">API key</option>
          </Select>
        </Label>
      </div>
      <QueryStatus query={usage} loading="Loading usage…" />
      {totals && (
        <dl aria-label="Totals" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Total label="Requests" value={formatCount(totals.requests)} />
          <Total label="Errors" value={formatCount(totals.errors)} />
          <Total
            label="Tokens"
            value={formatCount(
              totals.inputTokens + totals.outputTokens + totals.cacheReadTokens + totals.cacheWriteTokens,
            )}
          />
          <Total label="Cost" value={formatUsd(totals.costMicros)} />
          <Total label="Cache hit ratio" value={formatPercent(usage.data?.cacheHitRatio ?? 0)} />
          <Total label="Saved by caching" value={formatUsd(totals.cacheSavingsMicros)} />
        </dl>
      )}
      {series && (
        <Suspense fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400">Loading charts…</p>}>
          <UsageCharts series={series} groupLabel={groupBy === "model" ? "model" : "API key"} />
        </Suspense>
      )}
    </div>
  );
}
