import { createMessageAssembler } from "@/lib/gateway/core/assemble-message";
import type { CanonicalEvent, CanonicalUsage } from "@/lib/gateway/core/canonical";
import type { SyncTransformer } from "@/lib/gateway/core/sync-transformer";
import type { Attempt } from "@/lib/gateway/core/attempts";
import type { KeyLimits } from "@/lib/rate-limits/key-limits";

/** Who sent the request, as the log names it: never the key itself. */
export type TracePrincipal = {
  keyId: string;
  keyName: string;
  keyPrefix: string;
  userId: string;
  logBodies: boolean;
  limits: KeyLimits | null;
};

/** Everything the log and the limits need about one finished request. */
export type FinishedRequest = {
  startedAt: Date;
  endpoint: string;
  principal: TracePrincipal | undefined;
  requestedModel: string | undefined;
  servedModel: string | undefined;
  attempts: Attempt[];
  status: number;
  errorType: string | undefined;
  stream: boolean;
  latencyMs: number;
  ttftMs: number | undefined;
  usage: CanonicalUsage | undefined;
  /** Only when the key has body logging on. */
  requestBody: unknown;
  responseBody: unknown;
};

/** Events that carry model output: the first of them is the first token. */
const OUTPUT_EVENTS = new Set<CanonicalEvent["type"]>([
  "text-delta",
  "reasoning-delta",
  "reasoning-signature",
  "redacted-reasoning",
  "tool-call-start",
  "tool-call-delta",
]);

/**
 * The observer a gateway request carries from authentication to its last byte. Handlers tell
 * it what they learn (model, attempts, the event stream); it never holds the response back:
 * streams pass through it event by event. When the request is over — the answer sent, the
 * stream finished, failed or the client gone — it calls `onFinish` once with what it saw.
 */
let inFlight = 0;

/** Gateway requests started and not yet finished in this process (graceful shutdown waits for them). */
export function requestsInFlight(): number {
  return inFlight;
}

export class RequestTrace {
  readonly startedAt = new Date();
  private readonly started = performance.now();
  private principal: TracePrincipal | undefined;
  private requestedModel: string | undefined;
  private servedModel: string | undefined;
  private attempts: Attempt[] = [];
  private stream = false;
  private firstTokenMs: number | undefined;
  private usage: CanonicalUsage | undefined;
  private streamError: string | undefined;
  private requestBody: unknown;
  private responseBody: unknown;
  /** A body observer will finish the trace when the body ends. */
  private bodyPending = false;
  private status = 200;
  private finished = false;

  constructor(
    readonly endpoint: string,
    private readonly onFinish: (request: FinishedRequest) => void,
    signal?: AbortSignal,
  ) {
    inFlight += 1;
    signal?.addEventListener("abort", () => this.finish(499, "client_closed"), { once: true });
  }

  setPrincipal(principal: TracePrincipal) {
    this.principal = principal;
  }

  get logsBodies(): boolean {
    return this.principal?.logBodies ?? false;
  }

  /** The request's JSON as received (before validation, so a rejected request still names its model). */
  noteRequestBody(body: unknown) {
    if (body && typeof body === "object") {
      const { model, stream } = body as { model?: unknown; stream?: unknown };
      if (typeof model === "string") this.requestedModel = model.slice(0, 200);
      this.stream = stream === true;
    }
    if (this.logsBodies) this.requestBody = body;
  }

  noteRouting(attempts: Attempt[], servedModel: string | undefined) {
    this.attempts = attempts;
    this.servedModel = servedModel;
  }

  noteResponseBody(body: unknown) {
    if (this.logsBodies) this.responseBody = body;
  }

  /** A complete (non-streamed) message's events. */
  noteEvents(events: Iterable<CanonicalEvent>) {
    for (const event of events) this.noteEvent(event);
  }

  noteEvent(event: CanonicalEvent) {
    if (this.firstTokenMs === undefined && OUTPUT_EVENTS.has(event.type)) this.firstTokenMs = this.elapsed();
    if (event.type === "message-start" || event.type === "finish") this.usage = event.usage;
    else if (event.type === "error") this.streamError = event.error.type;
  }

  /**
   * Passes canonical events through unchanged, noting TTFT, usage and errors; the encoders fuse
   * it into their own stream stage.
   */
  eventObserver(): SyncTransformer<CanonicalEvent, CanonicalEvent> {
    const sink = this.eventSink();
    return {
      transform: (event, controller) => {
        sink.push(event);
        controller.enqueue(event);
      },
      flush: () => sink.end(),
    };
  }

  /**
   * A streamed answer's canonical events, as they pass: the log reads nothing else of a stream
   * (the /v1/messages passthrough decodes Anthropic's events into these too). `end()`: the
   * stream is over; without a `finish` or `error` before it, the row says it was cut short.
   */
  eventSink(): { push(event: CanonicalEvent): void; end(): void } {
    this.bodyPending = true;
    const assembler = this.logsBodies ? createMessageAssembler() : undefined;
    return {
      push: (event) => {
        this.noteEvent(event);
        assembler?.push(event);
        if (event.type === "finish" || event.type === "error") {
          if (assembler) this.responseBody = assembler.result();
          this.finish(this.status);
        }
      },
      end: () => this.finish(this.status, this.streamError ?? "stream_truncated"),
    };
  }

  /** A complete message's events and the body sent (/v1/messages without streaming answers Anthropic's JSON as is). */
  noteMessage(events: Iterable<CanonicalEvent>, body: unknown) {
    this.noteEvents(events);
    // The whole answer arrived at once: that is its first token.
    this.firstTokenMs ??= this.elapsed();
    this.noteResponseBody(body);
  }

  /** The handler returned a response: the trace ends now unless a body observer ends it later. */
  responded(status: number) {
    this.status = status;
    if (!this.bodyPending) this.finish(status);
  }

  /** The request failed before any response body (rendered error). */
  failed(status: number, errorType: string, attempts?: Attempt[]) {
    if (attempts) this.attempts = attempts;
    this.finish(status, errorType);
  }

  private elapsed() {
    return performance.now() - this.started;
  }

  private finish(status: number, errorType?: string) {
    if (this.finished) return;
    this.finished = true;
    inFlight -= 1;
    this.onFinish({
      startedAt: this.startedAt,
      endpoint: this.endpoint,
      principal: this.principal,
      requestedModel: this.requestedModel,
      servedModel: this.servedModel,
      attempts: this.attempts,
      status,
      errorType: errorType ?? this.streamError,
      stream: this.stream,
      latencyMs: this.elapsed(),
      ttftMs: this.firstTokenMs,
      usage: this.usage,
      requestBody: this.requestBody,
      responseBody: this.responseBody,
    });
  }
}
