/**
 * The fake Anthropic upstream in its own process, so it never shares an event loop with the
 * load generator. A request whose body carries SLOW_STREAM_MARKER gets a slow stream (one
 * event a second, bench/slow-streams.ts). Prints `{"url": …}` once listening; exits when its
 * parent closes stdin.
 * Usage: tsx bench/fake-upstream-process.ts <provider api key>
 */
import { startFakeAnthropicServer, type FakeRule } from "../tests/fake-upstream/fake-anthropic-server";
import { SLOW_STREAM_EVENT_INTERVAL_MS, SLOW_STREAM_MARKER, slowStreamEvents } from "./slow-streams";

const fake = await startFakeAnthropicServer({ apiKey: process.argv[2] });
const slowStreams: FakeRule = {
  // Slow-stream requests are small: a 1 MB body is not scanned for the marker.
  match: (request) => request.rawBody.length < 10_000 && request.rawBody.includes(SLOW_STREAM_MARKER),
  scenario: {
    type: "fixture",
    fixture: "anthropic-text",
    events: slowStreamEvents(),
    delayMs: SLOW_STREAM_EVENT_INTERVAL_MS,
  },
};
fake.addRule(slowStreams);
// The fake records every request; a benchmark sends tens of thousands. reset() drops the rules too.
setInterval(() => {
  fake.reset();
  fake.addRule(slowStreams);
}, 1_000).unref();
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
process.stdin.resume();
process.stdin.on("end", () => void fake.close().then(() => process.exit(0)));
