import { metricsContentType, renderMetrics } from "./gateway-metrics";

/**
 * GET /metrics as a Web Response, for `next dev` (app/metrics/route.ts). The production servers
 * answer /metrics before Next.js sees it (lib/server/gateway-server.ts), summed over their workers;
 * under `next dev` there is one process, and these are its metrics.
 */
export async function metricsResponse(): Promise<Response> {
  return new Response(await renderMetrics(), {
    headers: { "content-type": metricsContentType(), "cache-control": "no-store" },
  });
}
