import type { Readable } from "node:stream";

/**
 * A Node readable as a Web ReadableStream, read as the consumer pulls (one chunk queued at most,
 * the source paused in between). Cheaper than `Readable.toWeb` on hot paths, and the caller
 * decides what cancelling means: destroy a connection, or discard the rest of a request body.
 * A source that fails, or closes before its end, errors the stream with `prematureClose(cause)`.
 */
export function readableToWebStream(
  readable: Readable & { complete?: boolean },
  options: { onCancel(reason: unknown): void; prematureClose(cause?: Error): unknown },
): { stream: ReadableStream<Uint8Array>; settle(): void } {
  let settled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      readable.pause();
      readable.on("data", (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) readable.pause();
      });
      readable.once("end", () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      readable.on("error", (error) => {
        if (settled) return;
        settled = true;
        controller.error(options.prematureClose(error));
      });
      readable.once("close", () => {
        if (settled || readable.complete === true || readable.readableEnded) return;
        settled = true;
        controller.error(options.prematureClose());
      });
    },
    pull() {
      readable.resume();
    },
    cancel(reason) {
      settled = true;
      options.onCancel(reason);
    },
  });
  // settle(): the consumer is done without cancelling (the response was sent): chunks still
  // arriving are ignored.
  return { stream, settle: () => void (settled = true) };
}
