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
export function fuseTransformers<A, B, C>(
  first: SyncTransformer<A, B>,
  second: SyncTransformer<B, C>,
): SyncTransformer<A, C> {
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

export type TransformReadableOptions<Out> = {
  /**
   * A source that fails mid-way (a connection reset) ends the output as if the source had ended
   * — flush runs, so decoders report the early end in-stream — instead of erroring it; the
   * error is handed here.
   */
  onSourceError?: (error: unknown) => void;
  /**
   * Joins what one source chunk produced into one output chunk: one network read in, one socket
   * write out, however many events it held (each write is a syscall, the largest single cost
   * in bench --profile).
   */
  coalesce?: (parts: Out[]) => Out;
};

/**
 * A translator with the options it runs under: applied to a Web stream with transformReadable,
 * to a push source (the production server's fast path) with transformPush (push-source.ts).
 */
export type StreamStage<In, Out> = { transformer: SyncTransformer<In, Out>; options: TransformReadableOptions<Out> };

type Unread = {
  source: ReadableStream<unknown>;
  transformer: SyncTransformer<unknown, unknown>;
  onSourceError?: (error: unknown) => void;
};

/** Streams made by transformReadable that nobody has read yet: a later stage may fuse with them. */
const unread = new WeakMap<ReadableStream<unknown>, Unread>();

/**
 * `source.pipeThrough(new TransformStream(transformer))` as one pull-driven stream: a chunk is
 * read only when the consumer wants output, so backpressure is the consumer's, and each chunk
 * costs one read instead of a pipe's writes, reads and queue turns. Cancelling the output
 * cancels the source (which closes the upstream connection behind it).
 *
 * When `source` is itself a transformReadable stream nobody has read, the two become one stage
 * reading its source (the decoder and the encoder of a translated stream run in the same turn
 * for each network chunk); the result is the same as reading through both.
 */
export function transformReadable<In, Out>(
  source: ReadableStream<In>,
  transformer: SyncTransformer<In, Out>,
  options: TransformReadableOptions<Out> = {},
): ReadableStream<Out> {
  const upstream = unread.get(source);
  if (upstream && !source.locked) {
    unread.delete(source);
    return transformReadable(
      upstream.source,
      fuseTransformers(upstream.transformer, transformer as SyncTransformer<unknown, Out>),
      {
        onSourceError: upstream.onSourceError,
        coalesce: options.coalesce,
      },
    );
  }

  let reader: ReadableStreamDefaultReader<In> | undefined;
  let produced = 0;
  let finished = false;
  let started = false;
  let facade: TransformStreamDefaultController<Out>;
  let collected: Out[] | undefined;
  const { coalesce } = options;

  const cancelSource = (reason?: unknown) => {
    const cancelling = reader ? reader.cancel(reason) : source.cancel(reason);
    return cancelling.catch(() => {});
  };
  /** Runs one step of the transformer; with `coalesce`, what it enqueued leaves as one chunk. */
  const step = (controller: ReadableStreamDefaultController<Out>, run: () => void) => {
    if (!coalesce) return run();
    collected = [];
    try {
      run();
    } finally {
      const parts = collected;
      collected = undefined;
      // After error() or terminate() the output is closed: nothing more goes out.
      if (parts.length > 0 && !finished) controller.enqueue(parts.length === 1 ? parts[0]! : coalesce(parts));
    }
  };
  const finish = (controller: ReadableStreamDefaultController<Out>) => {
    step(controller, () => transformer.flush?.(facade));
    finished = true;
    controller.close();
  };

  const underlying: UnderlyingDefaultSource<Out> = {
    start(controller) {
      facade = {
        get desiredSize() {
          return controller.desiredSize;
        },
        enqueue: (chunk?: Out) => {
          produced += 1;
          if (collected) collected.push(chunk as Out);
          else controller.enqueue(chunk as Out);
        },
        error: (reason?: unknown) => {
          finished = true;
          controller.error(reason);
          void cancelSource(reason);
        },
        terminate: () => {
          finished = true;
          controller.close();
          void cancelSource();
        },
      };
    },
    async pull(controller) {
      // Started and locked on the first read, so a later stage can still fuse with this one.
      unread.delete(stream as ReadableStream<unknown>);
      if (!started) {
        started = true;
        transformer.start?.(facade);
      }
      reader ??= source.getReader();
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
          step(controller, () => transformer.transform(result.value, facade));
        } catch (error) {
          // A translator bug must not leave the upstream connection open.
          finished = true;
          void cancelSource(error);
          throw error;
        }
      }
    },
    cancel(reason) {
      finished = true;
      return cancelSource(reason);
    },
  };
  // No read-ahead: nothing is pulled (or started) before a consumer reads.
  const stream = new ReadableStream<Out>(underlying, { highWaterMark: 0 });
  unread.set(stream as ReadableStream<unknown>, {
    source: source as ReadableStream<unknown>,
    transformer: transformer as SyncTransformer<unknown, unknown>,
    onSourceError: options.onSourceError,
  });
  return stream;
}

/** Byte chunks as one (for `coalesce`). */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
