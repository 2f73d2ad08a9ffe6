import type { Readable } from "node:stream";

/**
 * A Node readable as a Web ReadableStream, read as the consumer pulls (one chunk queued at most,
 * the source paused in between). Cheaper than `Readable.toWeb` on hot paths, and the caller
 * decides what cancelling means: destroy a connection, or discard the rest of a request body.
 * A source that fails, or closes before its end, errors the stream with `prematureClose(cause)`.
 */
export function readableToWebStream(
  readable: Readable & { complete?: boolean },
  options: {
    onCancel(reason: unknown): void;
    prematureClose(cause?: Error): unknown;
    /**
     * The consumer asked for more and the source sent nothing for `timeoutMs`: the source is
     * destroyed with `error()`. A consumer that is slow to read (backpressure) is not timed.
     */
    idle?: { timeoutMs: number; error(): Error };
  },
): { stream: ReadableStream<Uint8Array>; settle(): void } {
  let settled = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const { idle } = options;
  const stopIdleTimer = () => clearTimeout(idleTimer);
  const startIdleTimer = () => {
    if (!idle || settled) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => readable.destroy(idle.error()), idle.timeoutMs);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      readable.pause();
      readable.on("data", (chunk: Buffer) => {
        if (settled) return;
        stopIdleTimer();
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) readable.pause();
        else startIdleTimer();
      });
      readable.once("end", () => {
        stopIdleTimer();
        if (settled) return;
        settled = true;
        controller.close();
      });
      readable.on("error", (error) => {
        stopIdleTimer();
        if (settled) return;
        settled = true;
        controller.error(options.prematureClose(error));
      });
      readable.once("close", () => {
        stopIdleTimer();
        if (settled || readable.complete === true || readable.readableEnded) return;
        settled = true;
        controller.error(options.prematureClose());
      });
    },
    pull() {
      readable.resume();
      startIdleTimer();
    },
    cancel(reason) {
      stopIdleTimer();
      settled = true;
      options.onCancel(reason);
    },
  });
  // settle(): the consumer is done without cancelling (the response was sent): chunks still
  // arriving are ignored.
  return {
    stream,
    settle: () => {
      stopIdleTimer();
      settled = true;
    },
  };
}
