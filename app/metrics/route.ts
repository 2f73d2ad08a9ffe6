import { metricsResponse } from "@/lib/observability/metrics-response";

/** Prometheus metrics under `next dev`; the production servers answer /metrics themselves. */
export const GET = metricsResponse;

export const dynamic = "force-dynamic";
