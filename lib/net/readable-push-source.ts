import type { Readable } from "node:stream";
import type { PushSink, PushSource } from "@/lib/gateway/core/push-source";

/**
 * A Node readable as a push source: its 'data' events go to the sink in the turn they arrive
 * (no Web stream, no promise turn per chunk); `pause` / `resume` are the readable's own. As
 * readableToWebStream: the caller decides what cancelling means, and a source that fails, or
 * closes before its end, fails the sink with `prematureClose(cause)`.
 */
export function readablePushSource(
  readable: Readable & { complete?: boolean },
  options: {
    onCancel(reason: unknown): void;
    prematureClose(cause?: Error): unknown;
    /**
     * Flowing and no bytes for `timeoutMs`: the source is destroyed with `error()`. A paused
     * source (the client reads slowly: backpressure) is not timed.
     */
    idle?: { timeoutMs: number; error(): Error };
  },
): PushSource<Uint8Array> {
  let settled = false;
  let paused = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const { idle } = options;
  const stopIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
  };
  const startIdleTimer = () => {
    if (!idle || settled) return;
    // refresh(): re-arming one timer per chunk costs less than a new one.
    if (idleTimer) idleTimer.refresh();
    else idleTimer = setTimeout(() => readable.destroy(idle.error()), idle.timeoutMs);
  };
  const settle = () => {
    settled = true;
    stopIdleTimer();
  };
  return {
    start(sink: PushSink<Uint8Array>) {
      readable.on("data", (chunk: Buffer) => {
        if (settled) return;
        sink.next(chunk);
        if (!paused) startIdleTimer();
      });
      readable.once("end", () => {
        if (settled) return;
        settle();
        sink.end();
      });
      readable.on("error", (error) => {
        if (settled) return;
        settle();
        sink.fail(options.prematureClose(error));
      });
      readable.once("close", () => {
        if (settled || readable.complete === true || readable.readableEnded) return settle();
        settle();
        sink.fail(options.prematureClose());
      });
      if (!paused) {
        readable.resume();
        startIdleTimer();
      }
    },
    pause() {
      paused = true;
      stopIdleTimer();
      readable.pause();
    },
    resume() {
      if (settled) return;
      paused = false;
      readable.resume();
      startIdleTimer();
    },
    cancel(reason) {
      settle();
      options.onCancel(reason);
    },
  };
}
