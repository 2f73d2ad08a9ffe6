"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryStatus } from "@/components/api-client/query-status";
import { Dialog } from "@/components/ui/dialog";
import { AttemptsTimeline } from "./attempts-timeline";
import { formatUsd } from "@/lib/format/format-usd";
import { formatCount, formatMs } from "./format";
import { requestLogDetailQueryOptions } from "./request-log-queries";
import { StatusBadge } from "./status-badge";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-0.5">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-[13px] break-all tabular-nums">{children}</dd>
    </div>
  );
}

function Body({ title, text }: { title: string; text: string | null }) {
  let pretty = text;
  try {
    if (text) pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {}
  return (
    <section aria-label={title} className="space-y-1.5">
      <h3 className="text-[13px] font-semibold">{title}</h3>
      <pre className="max-h-72 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">
        {pretty}
      </pre>
    </section>
  );
}

/** A request's details: key, models, timing, tokens, cost, the attempts timeline, and bodies when logged. */
export function LogDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useQuery({ ...requestLogDetailQueryOptions(id ?? ""), enabled: id !== null });
  const row = detail.data;
  return (
    <Dialog open={id !== null} onClose={onClose} title="Request details" className="max-w-2xl">
      <QueryStatus query={detail} loading="Loading…" />
      {row && (
        <div className="space-y-5">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
            <Fact label="Time">{new Date(row.createdAt).toLocaleString()}</Fact>
            <Fact label="Status">
              <StatusBadge status={row.status} errorType={row.errorType} />{" "}
              {row.errorType && <span className="text-zinc-600 dark:text-zinc-400">{row.errorType}</span>}
            </Fact>
            <Fact label="API key">{row.key ? `${row.key.name} (${row.key.prefix})` : "none"}</Fact>
            <Fact label="Endpoint">
              <span className="font-mono text-xs">{row.endpoint}</span>
            </Fact>
            <Fact label="Requested model">
              <span className="font-mono text-xs">{row.requestedModel ?? "—"}</span>
            </Fact>
            <Fact label="Served by">
              <span className="font-mono text-xs">{row.servedModel ?? "—"}</span>
            </Fact>
            <Fact label="Stream">{row.stream ? "yes" : "no"}</Fact>
            <Fact label="Latency">{formatMs(row.latencyMs)}</Fact>
            <Fact label="Time to first token">{formatMs(row.ttftMs)}</Fact>
            <Fact label="Input tokens">{formatCount(row.inputTokens)}</Fact>
            <Fact label="Output tokens">{formatCount(row.outputTokens)}</Fact>
            <Fact label="Cache reads">{formatCount(row.cacheReadTokens)}</Fact>
            <Fact label="Cache writes (5m / 1h)">
              {formatCount(row.cacheWrite5mTokens)} / {formatCount(row.cacheWrite1hTokens)}
            </Fact>
            <Fact label="Cost">{formatUsd(row.costMicros)}</Fact>
            <Fact label="Saved by caching">{formatUsd(row.cacheSavingsMicros)}</Fact>
          </dl>
          <section aria-label="Attempts timeline" className="space-y-2">
            <h3 className="text-[13px] font-semibold">Attempts</h3>
            <AttemptsTimeline attempts={row.attempts} />
          </section>
          {row.requestBody || row.responseBody ? (
            <>
              <Body title="Request body" text={row.requestBody} />
              <Body title="Response body" text={row.responseBody} />
            </>
          ) : (
            <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
              Bodies are not logged for this key. An admin can turn body logging on in API keys.
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
