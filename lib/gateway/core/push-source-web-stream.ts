import type { PushSink, PushSource } from "./push-source";

/**
 * A Web stream as a push source: the fallback for answers that only exist as Web streams (Amazon
 * Bedrock's converted event stream, a provider test's `fetch`). Each chunk costs a read's promise
 * turn, as before; the fast path (pooled-fetch's Node bodies) has none.
 */
export function pushSourceFromWebStream<T>(stream: ReadableStream<T>): PushSource<T> {
  let reader: ReadableStreamDefaultReader<T> | undefined;
  let paused = false;
  let reading = false;
  let done = false;
  let sink: PushSink<T> | undefined;

  const pump = async () => {
    if (reading) return;
    reading = true;
    try {
      while (!paused && !done) {
        const result = await reader!.read();
        if (done) return;
        if (result.done) {
          done = true;
          sink!.end();
          return;
        }
        sink!.next(result.value);
      }
    } catch (error) {
      if (done) return;
      done = true;
      sink!.fail(error);
    } finally {
      reading = false;
    }
  };
  return {
    start(target) {
      sink = target;
      reader = stream.getReader();
      void pump();
    },
    pause: () => void (paused = true),
    resume() {
      paused = false;
      if (reader && !done) void pump();
    },
    cancel(reason) {
      done = true;
      const cancelling = reader ? reader.cancel(reason) : stream.cancel(reason);
      cancelling.catch(() => {});
    },
  };
}

/**
 * A push source as a Web stream, for what needs one (`next dev`'s route handlers, tests reading
 * a Response). Started on the first read; paused whenever nobody is reading.
 */
export function webStreamFromPushSource<T>(source: PushSource<T>): ReadableStream<T> {
  let started = false;
  return new ReadableStream<T>(
    {
      pull(controller) {
        if (started) return source.resume();
        started = true;
        source.start({
          next(chunk) {
            controller.enqueue(chunk);
            if ((controller.desiredSize ?? 0) <= 0) source.pause();
          },
          end: () => controller.close(),
          fail: (error) => controller.error(error),
        });
      },
      cancel: (reason) => source.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
