/**
 * Sends finished spans to an OTLP/HTTP endpoint as JSON, in batches, off the request path.
 * `enqueue` is synchronous and O(1); the queue is bounded (a span beyond it is dropped and
 * counted), one export runs at a time and each is cut off after `timeoutMs`. A failed export is
 * dropped, not retried — traces are samples, and a collector that is down must not grow memory —
 * and reported with one warning per run of failures.
 *
 * @see https://opentelemetry.io/docs/specs/otlp/#otlphttp
 * @see https://opentelemetry.io/docs/specs/otel/trace/sdk/#batching-processor
 */
import type { OtlpTraceConfig } from "./otlp-config";
import { type OtlpAttribute, type OtlpSpan, stringAttribute } from "./otlp-span";

export type OtlpTraceClientStats = { exported: number; dropped: number; failedExports: number };

export class OtlpTraceClient {
  private queue: OtlpSpan[] = [];
  private timer: NodeJS.Timeout | undefined;
  private exporting: Promise<void> | undefined;
  private failing = false;
  private shutDown = false;
  private readonly resource: { attributes: OtlpAttribute[] };
  readonly stats: OtlpTraceClientStats = { exported: 0, dropped: 0, failedExports: 0 };

  constructor(
    private readonly config: OtlpTraceConfig,
    private readonly warn: (message: string) => void,
  ) {
    const attributes = { ...config.resourceAttributes, "service.name": config.serviceName };
    this.resource = { attributes: Object.entries(attributes).map(([key, value]) => stringAttribute(key, value)) };
  }

  enqueue(span: OtlpSpan): void {
    if (this.shutDown || this.queue.length >= this.config.maxQueueSize) {
      this.stats.dropped++;
      return;
    }
    this.queue.push(span);
    if (this.queue.length >= this.config.maxExportBatchSize) this.startExport();
    else this.timer ??= setTimeout(() => this.startExport(), this.config.scheduleDelayMs).unref();
  }

  /** Exports everything queued (bounded by the per-export timeout) and refuses spans from now on. */
  async shutdown(): Promise<void> {
    this.shutDown = true;
    await this.flush();
  }

  async flush(): Promise<void> {
    while (this.exporting || this.queue.length > 0) {
      this.startExport();
      await this.exporting;
    }
  }

  private startExport(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.exporting || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.config.maxExportBatchSize);
    this.exporting = this.export(batch).finally(() => {
      this.exporting = undefined;
      if (this.queue.length > 0 && !this.shutDown) this.timer ??= setTimeout(() => this.startExport(), 0).unref();
    });
  }

  private async export(spans: OtlpSpan[]): Promise<void> {
    const body = JSON.stringify({
      resourceSpans: [{ resource: this.resource, scopeSpans: [{ scope: { name: "switchyard-gateway" }, spans }] }],
    });
    try {
      const response = await fetch(this.config.url, {
        method: "POST",
        headers: { ...this.config.headers, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.stats.exported += spans.length;
      this.failing = false;
    } catch (error) {
      this.stats.failedExports++;
      this.stats.dropped += spans.length;
      if (!this.failing) this.warn(`trace export to ${this.config.url} failed (${describe(error)}); spans are dropped`);
      this.failing = true;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
