import type { SyncTransformer, TransformReadableOptions } from "./sync-transformer";

/** Where a push source delivers: chunks as they come, then exactly one `end` or `fail`. */
export type PushSink<T> = {
  next(chunk: T): void;
  end(): void;
  fail(error: unknown): void;
};

/**
 * A stream driven by its producer: nothing flows before `start`, then each chunk is handed to
 * the sink in the turn it arrives — no promise turn or queue per chunk, as a Web stream costs.
 * The consumer pushes back with `pause` / `resume` (a socket whose buffer is full) and gives up
 * with `cancel`, which closes the connection behind the source.
 */
export type PushSource<T> = {
  start(sink: PushSink<T>): void;
  pause(): void;
  resume(): void;
  cancel(reason?: unknown): void;
};

/**
 * `transformReadable` for a push source: every chunk goes through the synchronous transformer
 * in the turn it arrives. The same rules: `onSourceError` ends the output as if the source had
 * ended (flush runs, so decoders report the early end in-stream); `coalesce` joins what one
 * source chunk produced into one chunk; a translator that throws cancels the source and fails
 * the output; `error()` / `terminate()` from the transformer end it and cancel the source.
 */
export function transformPush<In, Out>(
  source: PushSource<In>,
  transformer: SyncTransformer<In, Out>,
  options: TransformReadableOptions<Out> = {},
): PushSource<Out> {
  const { coalesce, onSourceError } = options;
  let finished = false;
  return {
    start(sink) {
      let collected: Out[] | undefined;
      const controller = {
        desiredSize: 1,
        enqueue: (chunk?: Out) => {
          if (finished) return;
          if (collected) collected.push(chunk as Out);
          else sink.next(chunk as Out);
        },
        error: (reason?: unknown) => {
          if (finished) return;
          finished = true;
          source.cancel(reason);
          sink.fail(reason);
        },
        terminate: () => {
          if (finished) return;
          finished = true;
          source.cancel();
          sink.end();
        },
      } as TransformStreamDefaultController<Out>;
      /** One step of the transformer; with `coalesce`, what it enqueued leaves as one chunk. */
      const step = (run: () => void) => {
        if (coalesce) collected = [];
        try {
          run();
        } catch (error) {
          // A translator bug must not leave the upstream connection open.
          collected = undefined;
          if (finished) return;
          finished = true;
          source.cancel(error);
          sink.fail(error);
          return;
        }
        const parts = collected;
        collected = undefined;
        if (parts && parts.length > 0 && !finished) sink.next(parts.length === 1 ? parts[0]! : coalesce!(parts));
      };
      const finish = () => {
        step(() => transformer.flush?.(controller));
        if (finished) return;
        finished = true;
        sink.end();
      };
      step(() => transformer.start?.(controller));
      if (finished) return;
      source.start({
        next: (chunk) => {
          if (!finished) step(() => transformer.transform(chunk, controller));
        },
        end: () => {
          if (!finished) finish();
        },
        fail: (error) => {
          if (finished) return;
          if (!onSourceError) {
            finished = true;
            sink.fail(error);
            return;
          }
          onSourceError(error);
          finish();
        },
      });
    },
    pause: () => source.pause(),
    resume: () => source.resume(),
    cancel(reason) {
      finished = true;
      source.cancel(reason);
    },
  };
}
