/**
 * The fake Anthropic upstream in its own process, so it never shares an event loop with the
 * load generator. Prints `{"url": …}` once listening; exits when its parent closes stdin.
 * Usage: tsx bench/fake-upstream-process.ts <provider api key>
 */
import { startFakeAnthropicServer } from "../tests/fake-upstream/fake-anthropic-server";

const fake = await startFakeAnthropicServer({ apiKey: process.argv[2] });
// The fake records every request; a benchmark sends tens of thousands.
setInterval(() => fake.reset(), 1_000).unref();
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
process.stdin.resume();
process.stdin.on("end", () => void fake.close().then(() => process.exit(0)));
