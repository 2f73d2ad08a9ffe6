/**
 * Wraps a byte stream so that a read failure (connection reset mid-body) closes it instead of
 * erroring the whole pipeline: downstream decoders then see an early end and report it as an
 * in-stream error rather than the client seeing a silently cut connection. Cancelling the
 * wrapper (client disconnect) cancels the source, which aborts the upstream request.
 */
export function closeOnSourceError<Chunk>(
  source: ReadableStream<Chunk>,
  onSourceError?: (error: unknown) => void,
): ReadableStream<Chunk> {
  const reader = source.getReader();
  return new ReadableStream<Chunk>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        onSourceError?.(error);
        controller.close();
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
