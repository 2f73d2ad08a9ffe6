/**
 * Runs the fake Anthropic upstream (tests/fake-upstream) for local development and
 * benchmarks: point a BYOK credential's base URL at the printed address.
 *   npx tsx scripts/fake-upstream.ts [--port 4010] [--fixture anthropic-text]
 */
import { parseArgs } from "node:util";
import { startFakeAnthropicServer } from "../tests/fake-upstream/fake-anthropic-server";

const { values } = parseArgs({ options: { port: { type: "string" }, fixture: { type: "string" } } });
const server = await startFakeAnthropicServer({
  defaultScenario: { type: "fixture", fixture: values.fixture ?? "anthropic-text" },
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(server.url);
process.on("SIGINT", () => void server.close().then(() => process.exit(0)));
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
