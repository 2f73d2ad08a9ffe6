/**
 * Slow streams for the memory phase: the fake upstream answers a request whose body carries
 * SLOW_STREAM_MARKER with a stream that sends one event a second for two minutes, so the bench
 * can hold hundreds of streams open through a server and read its memory meanwhile.
 */
import { Agent, request, type ClientRequest } from "node:http";
import { readAnthropicFixture, type AnthropicEvent } from "../tests/fake-upstream/anthropic-fixtures";
import type { Target } from "./http-client";

export const SLOW_STREAM_MARKER = "[bench: slow stream]";
/** The text of every delta the slow stream sends; its first arrival means the stream is open end to end. */
const TICK = "tick";
const SLOW_STREAM_DELTAS = 120;
export const SLOW_STREAM_EVENT_INTERVAL_MS = 1000;

/** The `anthropic-text` fixture's message with SLOW_STREAM_DELTAS one-word deltas in place of its text. */
export function slowStreamEvents(): AnthropicEvent[] {
  const fixture = readAnthropicFixture("anthropic-text");
  const [messageStart, blockStart] = fixture;
  const deltas = Array.from({ length: SLOW_STREAM_DELTAS }, () => ({
    type: "content_block_delta",
    index: 0,
    delta: { type: "text_delta", text: ` ${TICK}` },
  }));
  return [messageStart!, blockStart!, ...deltas, ...fixture.slice(-3)];
}

export type SlowStreamHold = {
  requested: number;
  /** Streams that carried their first delta before the hold began. */
  opened: number;
  /** Still open, with no error, when the hold ended. */
  openAtEnd: number;
  /** Deltas received per open stream during the hold (≈ hold seconds when the streams really flow). */
  deltasPerStreamDuringHold: number;
  errors: string[];
};

/**
 * Opens `count` streams to `target` at once, waits until every one carried its first delta
 * (or `openTimeoutMs`), calls `measure` while they stay open for `holdMs`, then closes them all.
 */
export async function holdSlowStreams<T>(
  target: Target,
  count: number,
  holdMs: number,
  measure: (holding: Promise<void>) => Promise<T>,
  openTimeoutMs = 60_000,
): Promise<SlowStreamHold & { measured: T }> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const errors: string[] = [];
  const streams: Array<{ request: ClientRequest; ticks: number; ended: boolean }> = [];
  const opened: Array<Promise<boolean>> = [];
  for (let index = 0; index < count; index++) {
    opened.push(
      new Promise<boolean>((resolve) => {
        const stream = { request: undefined as unknown as ClientRequest, ticks: 0, ended: false };
        const fail = (message: string) => {
          if (!stream.ended) errors.push(message);
          stream.ended = true;
          resolve(false);
        };
        stream.request = request(
          target.url,
          {
            method: "POST",
            agent,
            headers: {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(target.body),
              ...target.headers,
            },
          },
          (response) => {
            if (response.statusCode !== 200) {
              response.resume();
              fail(`status ${response.statusCode}`);
              return;
            }
            response.on("data", (chunk: Buffer) => {
              const ticks = countOccurrences(chunk.toString("utf8"), TICK);
              if (ticks > 0 && stream.ticks === 0) resolve(true);
              stream.ticks += ticks;
            });
            response.on("end", () => fail("the stream ended early"));
            response.on("error", (error) => fail(error.message));
          },
        );
        stream.request.on("error", (error) => fail(error.message));
        stream.request.end(target.body);
        streams.push(stream);
      }),
    );
  }
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, openTimeoutMs).unref());
  await Promise.race([Promise.all(opened), timeout]);
  const openedCount = streams.filter((stream) => stream.ticks > 0 && !stream.ended).length;
  const ticksBefore = streams.map((stream) => stream.ticks);
  const holding = new Promise<void>((resolve) => setTimeout(resolve, holdMs));
  const measured = await measure(holding);
  await holding;
  const open = streams.filter((stream) => !stream.ended);
  const deltas = streams.reduce(
    (sum, stream, index) => sum + (stream.ended ? 0 : stream.ticks - ticksBefore[index]!),
    0,
  );
  for (const stream of streams) {
    stream.ended = true;
    stream.request.destroy();
  }
  agent.destroy();
  return {
    requested: count,
    opened: openedCount,
    openAtEnd: open.length,
    deltasPerStreamDuringHold: open.length ? deltas / open.length : 0,
    errors,
    measured,
  };
}

function countOccurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count++;
  return count;
}
