/**
 * A transformer whose `transform` and `flush` finish synchronously: every protocol translator
 * in the gateway is one (pure functions of the event, plus a little state).
 */
export type SyncTransformer<In, Out> = {
  start?(controller: TransformStreamDefaultController<Out>): void;
  transform(chunk: In, controller: TransformStreamDefaultController<Out>): void;
  flush?(controller: TransformStreamDefaultController<Out>): void;
};

/**
 * Two synchronous transformers as one stream stage: what the first enqueues goes straight into
 * the second, in the same turn. Each Web stream stage costs promise turns and queue bookkeeping
 * per chunk, which showed in time to first token (bench --profile); the translation steps stay
 * separate, testable transformers. Flushing flushes the first, then the second.
 */
export function fuseTransformers<A, B, C>(first: SyncTransformer<A, B>, second: SyncTransformer<B, C>): SyncTransformer<A, C> {
  let inner: TransformStreamDefaultController<B>;
  return {
    start(controller) {
      inner = {
        get desiredSize() {
          return controller.desiredSize;
        },
        enqueue: (chunk?: B) => second.transform(chunk as B, controller),
        error: (reason?: unknown) => controller.error(reason),
        terminate: () => controller.terminate(),
      };
      second.start?.(controller);
      first.start?.(inner);
    },
    transform(chunk) {
      first.transform(chunk, inner);
    },
    flush(controller) {
      first.flush?.(inner);
      second.flush?.(controller);
    },
  };
}

const utf8 = new TextEncoder();

/** Text → UTF-8 bytes, as a TextEncoderStream does, to fuse behind a text-producing encoder. */
export const utf8EncodingTransformer: SyncTransformer<string, Uint8Array> = {
  transform(text, controller) {
    if (text) controller.enqueue(utf8.encode(text));
  },
};

export type TransformReadableOptions = {
  /**
   * A source that fails mid-way (a connection reset) ends the output as if the source had ended
   * — flush runs, so decoders report the early end in-stream — instead of erroring it; the
   * error is handed here.
   */
  onSourceError?: (error: unknown) => void;
};

/**
 * `source.pipeThrough(new TransformStream(transformer))` as one pull-driven stream: a chunk is
 * read only when the consumer wants output, so backpressure is the consumer's, and each chunk
 * costs one read instead of a pipe's writes, reads and queue turns. Cancelling the output
 * cancels the source (which closes the upstream connection behind it).
 */
export function transformReadable<In, Out>(
  source: ReadableStream<In>,
  transformer: SyncTransformer<In, Out>,
  options: TransformReadableOptions = {},
): ReadableStream<Out> {
  const reader = source.getReader();
  let produced = 0;
  let finished = false;
  let facade: TransformStreamDefaultController<Out>;
  const finish = (controller: ReadableStreamDefaultController<Out>) => {
    finished = true;
    transformer.flush?.(facade);
    controller.close();
  };
  return new ReadableStream<Out>({
    start(controller) {
      facade = {
        get desiredSize() {
          return controller.desiredSize;
        },
        enqueue: (chunk?: Out) => {
          produced += 1;
          controller.enqueue(chunk as Out);
        },
        error: (reason?: unknown) => {
          finished = true;
          controller.error(reason);
          reader.cancel(reason).catch(() => {});
        },
        terminate: () => {
          finished = true;
          controller.close();
          reader.cancel().catch(() => {});
        },
      };
      transformer.start?.(facade);
    },
    async pull(controller) {
      const before = produced;
      // Read until this pull produced something: a chunk may hold no complete message.
      while (produced === before && !finished) {
        let result: ReadableStreamReadResult<In>;
        try {
          result = await reader.read();
        } catch (error) {
          if (!options.onSourceError) throw error;
          options.onSourceError(error);
          return finish(controller);
        }
        try {
          if (result.done) return finish(controller);
          transformer.transform(result.value, facade);
        } catch (error) {
          // A translator bug must not leave the upstream connection open.
          finished = true;
          reader.cancel(error).catch(() => {});
          throw error;
        }
      }
    },
    cancel(reason) {
      finished = true;
      return reader.cancel(reason);
    },
  });
}
