import { flushRequestLog } from "./request-log";
import { requestsInFlight } from "./request-trace";
import { shutdownTracing } from "@/lib/observability/gateway-tracing";

const DRAIN_DEADLINE_MS = 10_000;
const FLUSH_DEADLINE_MS = 10_000;

/**
 * SIGTERM / SIGINT for the production server: `stopAccepting` closes the listener, gateway
 * requests in flight finish (up to 10 s), the buffered request log is written (up to 10 s
 * more) — with `stopOthers`, the Next.js worker's too — then the process exits with the
 * signal's code. Installed by lib/server/serve-app.ts.
 */
export function installGracefulShutdown(stopAccepting: () => void, stopOthers?: () => Promise<number>) {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    stopAccepting();
    void (async () => {
      const drainDeadline = Date.now() + DRAIN_DEADLINE_MS;
      while (requestsInFlight() > 0 && Date.now() < drainDeadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const [stats, othersUnwritten] = await Promise.all([
        flushRequestLog(FLUSH_DEADLINE_MS).catch(() => undefined),
        stopOthers?.().catch(() => 0) ?? 0,
        // Spans of the last requests (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
        shutdownTracing().catch(() => undefined),
      ]);
      if (othersUnwritten > 0)
        console.warn(`request log: ${othersUnwritten} rows could not be written before shutdown`);
      if (stats && stats.buffered > 0)
        console.warn(`request log: ${stats.buffered} rows could not be written before shutdown`);
      if (stats && stats.dropped > 0)
        console.warn(`request log: ${stats.dropped} rows were dropped while the buffer was full`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    })();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
