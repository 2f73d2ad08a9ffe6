import { describe, expect, it } from "vitest";
import { transformPush, type PushSink, type PushSource } from "./push-source";
import { concatBytes, type SyncTransformer } from "./sync-transformer";

function manualSource<T>() {
  const calls: string[] = [];
  let sink!: PushSink<T>;
  const source: PushSource<T> = {
    start: (target) => void (sink = target),
    pause: () => void calls.push("pause"),
    resume: () => void calls.push("resume"),
    cancel: () => void calls.push("cancel"),
  };
  return { source, calls, sink: () => sink };
}

function collect<T>(source: PushSource<T>) {
  const seen: Array<T | "end" | { failed: unknown }> = [];
  source.start({
    next: (chunk) => void seen.push(chunk),
    end: () => void seen.push("end"),
    fail: (error) => void seen.push({ failed: error }),
  });
  return seen;
}

const doubling: SyncTransformer<number, number> = {
  transform(n, controller) {
    controller.enqueue(n);
    controller.enqueue(n);
  },
  flush: (controller) => controller.enqueue(-1),
};

describe("transformPush", () => {
  it("runs each chunk through the transformer in the turn it arrives, then flushes at the end", () => {
    const upstream = manualSource<number>();
    const seen = collect(transformPush(upstream.source, doubling));
    upstream.sink().next(1);
    expect(seen).toEqual([1, 1]);
    upstream.sink().next(2);
    upstream.sink().end();
    expect(seen).toEqual([1, 1, 2, 2, -1, "end"]);
  });

  it("with onSourceError, a failed source ends the output as if it had ended (flush runs)", () => {
    const upstream = manualSource<number>();
    const errors: unknown[] = [];
    const seen = collect(transformPush(upstream.source, doubling, { onSourceError: (error) => errors.push(error) }));
    upstream.sink().next(1);
    upstream.sink().fail("reset");
    expect(errors).toEqual(["reset"]);
    expect(seen).toEqual([1, 1, -1, "end"]);
  });

  it("without onSourceError, a failed source fails the output, flush not run", () => {
    const upstream = manualSource<number>();
    const seen = collect(transformPush(upstream.source, doubling));
    upstream.sink().fail("reset");
    expect(seen).toEqual([{ failed: "reset" }]);
  });

  it("coalesces what one source chunk produced into one chunk", () => {
    const upstream = manualSource<Uint8Array>();
    const bytes: SyncTransformer<Uint8Array, Uint8Array> = {
      transform(chunk, controller) {
        for (const byte of chunk) controller.enqueue(Uint8Array.of(byte));
      },
    };
    const seen = collect(transformPush(upstream.source, bytes, { coalesce: concatBytes }));
    upstream.sink().next(Uint8Array.of(1, 2, 3));
    expect(seen).toHaveLength(1);
    expect([...(seen[0] as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it("a translator that throws cancels the source and fails the output; nothing after passes", () => {
    const upstream = manualSource<number>();
    const broken: SyncTransformer<number, number> = {
      transform() {
        throw new Error("bug");
      },
    };
    const seen = collect(transformPush(upstream.source, broken));
    upstream.sink().next(1);
    upstream.sink().next(2);
    upstream.sink().end();
    expect(upstream.calls).toEqual(["cancel"]);
    expect(seen).toEqual([{ failed: new Error("bug") }]);
  });

  it("passes pause, resume and cancel on to the source", () => {
    const upstream = manualSource<number>();
    const output = transformPush(upstream.source, doubling);
    collect(output);
    output.pause();
    output.resume();
    output.cancel();
    upstream.sink().next(1);
    expect(upstream.calls).toEqual(["pause", "resume", "cancel"]);
  });
});
