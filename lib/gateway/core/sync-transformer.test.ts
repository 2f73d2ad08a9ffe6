import { describe, expect, it } from "vitest";
import {
  concatBytes,
  fuseTransformers,
  transformReadable,
  utf8EncodingTransformer,
  type SyncTransformer,
} from "./sync-transformer";

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<T>) out.push(chunk);
  return out;
}

/** A source that records how far it was read and whether it was cancelled. */
function recordingSource<T>(chunks: T[], options: { failAfter?: number } = {}) {
  const state = { pulled: 0, cancelled: undefined as unknown, wasCancelled: false };
  const stream = new ReadableStream<T>(
    {
      pull(controller) {
        if (options.failAfter !== undefined && state.pulled === options.failAfter) {
          controller.error(new Error("connection reset"));
          return;
        }
        if (state.pulled === chunks.length) return controller.close();
        controller.enqueue(chunks[state.pulled++]!);
      },
      cancel(reason) {
        state.wasCancelled = true;
        state.cancelled = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

const doubler: SyncTransformer<number, number> = {
  transform: (value, controller) => {
    controller.enqueue(value);
    controller.enqueue(value);
  },
};
const labeller = (label: string): SyncTransformer<number, string> => ({
  transform: (value, controller) => controller.enqueue(`${label}${value}`),
  flush: (controller) => controller.enqueue(`${label}end`),
});

describe("fuseTransformers", () => {
  it("feeds what the first enqueues into the second, and flushes the first before the second", async () => {
    const events: string[] = [];
    const first: SyncTransformer<number, number> = {
      transform: (value, controller) => controller.enqueue(value * 10),
      flush: (controller) => {
        events.push("first flush");
        controller.enqueue(99);
      },
    };
    const second: SyncTransformer<number, string> = {
      transform: (value, controller) => controller.enqueue(`<${value}>`),
      flush: (controller) => {
        events.push("second flush");
        controller.enqueue("done");
      },
    };
    const { stream } = recordingSource([1, 2]);
    expect(await readAll(stream.pipeThrough(new TransformStream(fuseTransformers(first, second))))).toEqual([
      "<10>",
      "<20>",
      "<99>",
      "done",
    ]);
    expect(events).toEqual(["first flush", "second flush"]);
  });

  it("fused behind a text encoder produces the same bytes as a TextEncoderStream", async () => {
    const text = ['data: {"a":"é"}\n\n', "", "data: [DONE]\n\n"];
    const viaStage = await readAll(recordingSource(text).stream.pipeThrough(new TextEncoderStream()));
    const fused = await readAll(transformReadable(recordingSource(text).stream, utf8EncodingTransformer));
    expect(Buffer.concat(fused)).toEqual(Buffer.concat(viaStage));
  });
});

describe("transformReadable", () => {
  it("gives what pipeThrough(new TransformStream(transformer)) gives", async () => {
    const transformer = () => fuseTransformers(doubler, labeller("#"));
    const piped = await readAll(recordingSource([1, 2, 3]).stream.pipeThrough(new TransformStream(transformer())));
    const pulled = await readAll(transformReadable(recordingSource([1, 2, 3]).stream, transformer()));
    expect(pulled).toEqual(piped);
    expect(pulled).toEqual(["#1", "#1", "#2", "#2", "#3", "#3", "#end"]);
  });

  it("reads the source only as the consumer pulls, and keeps reading past chunks that produce nothing", async () => {
    const { stream, state } = recordingSource([1, 2, 3, 4, 5, 6]);
    const evensOnly: SyncTransformer<number, number> = {
      transform: (value, controller) => {
        if (value % 2 === 0) controller.enqueue(value);
      },
    };
    const reader = transformReadable(stream, evensOnly).getReader();
    expect(await reader.read()).toEqual({ done: false, value: 2 });
    // One output queued ahead at most: the source is not drained.
    expect(state.pulled).toBeLessThanOrEqual(4);
    await reader.cancel("client gone");
    expect(state.wasCancelled).toBe(true);
    expect(state.cancelled).toBe("client gone");
  });

  it("with onSourceError, a failing source ends the output through flush instead of erroring it", async () => {
    const errors: unknown[] = [];
    const { stream } = recordingSource([1, 2, 3], { failAfter: 2 });
    const out = await readAll(
      transformReadable(stream, labeller(""), { onSourceError: (error) => errors.push(error) }),
    );
    expect(out).toEqual(["1", "2", "end"]);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe("connection reset");
  });

  it("without onSourceError, a failing source errors the output", async () => {
    const { stream } = recordingSource([1, 2, 3], { failAfter: 1 });
    await expect(readAll(transformReadable(stream, labeller("")))).rejects.toThrow("connection reset");
  });

  it("a transformer that throws errors the output and cancels the source", async () => {
    const { stream, state } = recordingSource([1, 2, 3]);
    const broken: SyncTransformer<number, number> = {
      transform: (value) => {
        if (value === 2) throw new Error("translator bug");
      },
    };
    await expect(readAll(transformReadable(stream, broken))).rejects.toThrow("translator bug");
    expect(state.wasCancelled).toBe(true);
  });

  it("terminate() ends the output and cancels the source", async () => {
    const { stream, state } = recordingSource([1, 2, 3, 4]);
    const stopAtTwo: SyncTransformer<number, number> = {
      transform: (value, controller) => {
        controller.enqueue(value);
        if (value === 2) controller.terminate();
      },
    };
    expect(await readAll(transformReadable(stream, stopAtTwo))).toEqual([1, 2]);
    expect(state.wasCancelled).toBe(true);
  });

  it("starts the transformer and reads the source only once a consumer reads", async () => {
    const { stream, state } = recordingSource([1, 2]);
    let starts = 0;
    const output = transformReadable(stream, {
      start: () => void (starts += 1),
      transform: (value, controller) => controller.enqueue(value),
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(starts).toBe(0);
    expect(state.pulled).toBe(0);
    expect(stream.locked).toBe(false);
    expect(await readAll(output)).toEqual([1, 2]);
    expect(starts).toBe(1);
  });

  it("coalesce: what one source chunk produced leaves as one chunk", async () => {
    const { stream } = recordingSource(["a", "bc", ""]);
    const perCharacter: SyncTransformer<string, string> = {
      transform: (text, controller) => {
        for (const character of text) controller.enqueue(character);
      },
      flush: (controller) => {
        controller.enqueue("!");
        controller.enqueue("?");
      },
    };
    expect(await readAll(transformReadable(stream, perCharacter, { coalesce: (parts) => parts.join("") }))).toEqual([
      "a",
      "bc",
      "!?",
    ]);
  });
});

describe("transformReadable on an unread transformReadable stream", () => {
  it("fuses the two into one stage over the first one's source, with the same output", async () => {
    const viaBoth = await readAll(
      recordingSource([1, 2, 3])
        .stream.pipeThrough(new TransformStream(doubler))
        .pipeThrough(new TransformStream(labeller("#"))),
    );
    const { stream, state } = recordingSource([1, 2, 3]);
    const doubled = transformReadable(stream, doubler);
    const fused = transformReadable(doubled, labeller("#"), { coalesce: (parts) => parts.join(",") });
    // One stream stage: the first output was never locked or read.
    expect(doubled.locked).toBe(false);
    expect(await readAll(fused)).toEqual(["#1,#1", "#2,#2", "#3,#3", "#end"]);
    expect(viaBoth).toEqual(["#1", "#1", "#2", "#2", "#3", "#3", "#end"]);
    expect(state.pulled).toBe(3);
  });

  it("keeps the first stage's source-error handling and cancels its source", async () => {
    const errors: unknown[] = [];
    const failing = recordingSource(["x", "y"], { failAfter: 1 });
    const decoded = transformReadable(failing.stream, labeller("") as unknown as SyncTransformer<string, string>, {
      onSourceError: (error) => errors.push(error),
    });
    expect(
      await readAll(transformReadable(decoded, labeller(">") as unknown as SyncTransformer<string, string>)),
    ).toEqual([">x", ">end", ">end"]);
    expect(errors).toHaveLength(1);

    const { stream, state } = recordingSource([1, 2, 3]);
    const reader = transformReadable(transformReadable(stream, doubler), labeller("")).getReader();
    await reader.read();
    await reader.cancel("gone");
    expect(state.cancelled).toBe("gone");
  });

  it("does not fuse with a stream someone already reads", async () => {
    const { stream } = recordingSource([1, 2, 3]);
    const doubled = transformReadable(stream, doubler);
    const reader = doubled.getReader();
    expect(await reader.read()).toEqual({ done: false, value: 1 });
    reader.releaseLock();
    expect(await readAll(transformReadable(doubled, labeller("#")))).toEqual(["#1", "#2", "#2", "#3", "#3", "#end"]);
  });

  it("concatBytes joins byte chunks", () => {
    expect(Buffer.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])]))).toEqual(Buffer.from([1, 2, 3]));
  });
});
