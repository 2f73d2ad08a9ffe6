"use client";

import { Fragment } from "react";
import type { RequestLogView } from "@/lib/request-log/list-request-logs";
import { Table, TableBody, TableCell, TableColumns } from "@/components/ui/table";
import { formatUsd } from "@/lib/format/format-usd";
import { formatCount, formatMs } from "./format";
import { StatusBadge } from "./status-badge";

const timeFormat = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** One row per request; a row's time is a button that opens its detail drawer. */
export function LogTable({ rows, onOpen }: { rows: RequestLogView[]; onOpen: (id: string) => void }) {
  return (
    <Table aria-label="Requests">
      <TableColumns
        columns={[
          "Time",
          "Key",
          "Endpoint",
          "Model",
          "Status",
          { label: "Latency", numeric: true },
          { label: "TTFT", numeric: true },
          { label: "Tokens in / out", numeric: true },
          { label: "Cost", numeric: true },
        ]}
      />
      <TableBody>
        {rows.map((row) => (
          <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
            <TableCell className="whitespace-nowrap">
              <button
                type="button"
                onClick={() => onOpen(row.id)}
                className="rounded text-left font-medium text-amber-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-amber-500 dark:text-amber-400"
              >
                <time dateTime={row.createdAt}>{timeFormat.format(new Date(row.createdAt))}</time>
                <span className="sr-only"> — details of this request</span>
              </button>
            </TableCell>
            <TableCell className="max-w-40">
              {row.key ? (
                <span className="block truncate" title={`${row.key.name} (${row.key.prefix})`}>
                  {row.key.name}
                  <span className="block font-mono text-[11px] text-zinc-600 dark:text-zinc-400">{row.key.prefix}</span>
                </span>
              ) : (
                <span className="text-zinc-600 dark:text-zinc-400">no key</span>
              )}
            </TableCell>
            <TableCell className="font-mono text-xs whitespace-nowrap">
              {row.endpoint.replace(/^\/v3\/router/, "")}
            </TableCell>
            <TableCell className="font-mono text-xs">
              <ModelId id={row.servedModel ?? row.requestedModel} />
              {(row.attempts.length > 1 || row.stream) && (
                <span className="block text-zinc-600 dark:text-zinc-400">
                  {[row.attempts.length > 1 ? `${row.attempts.length} attempts` : null, row.stream ? "stream" : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              )}
            </TableCell>
            <TableCell>
              <StatusBadge status={row.status} errorType={row.errorType} />
            </TableCell>
            <TableCell className="text-right tabular-nums whitespace-nowrap">{formatMs(row.latencyMs)}</TableCell>
            <TableCell className="text-right tabular-nums whitespace-nowrap">{formatMs(row.ttftMs)}</TableCell>
            <TableCell className="text-right tabular-nums whitespace-nowrap">
              {formatCount(row.inputTokens + row.cacheReadTokens + row.cacheWrite5mTokens + row.cacheWrite1hTokens)} /{" "}
              {formatCount(row.outputTokens)}
            </TableCell>
            <TableCell className="text-right tabular-nums whitespace-nowrap">{formatUsd(row.costMicros)}</TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * A model id in full, breaking only after its `/` separators (`aws/` `anthropic/`
 * `claude-sonnet-4-5-20250929-v1:0`), so a long Bedrock or Vertex id stays readable in a narrow column.
 */
function ModelId({ id }: { id: string | null }) {
  if (!id) return <span>—</span>;
  const segments = id.split("/");
  return (
    <span className="block" title={id}>
      {segments.map((segment, index) => (
        <Fragment key={index}>
          <span className="whitespace-nowrap">{index < segments.length - 1 ? `${segment}/` : segment}</span>
          <wbr />
        </Fragment>
      ))}
    </span>
  );
}
