import { afterEach, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { defaultPlaygroundSettings, type SessionDocument } from "@/lib/playground/session-document";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { runCli } from "../helpers/run-cli";
import { createTestDatabase, testProviders, type TestDatabase } from "../helpers/test-database";
import { appEnv } from "../helpers/test-env";

const PORTS = { sqlite: 3462, postgresql: 3463 } as const;
const PROVIDER_SECRET = "sk-ant-api03-SESSIONS-RESTART-0123456789-WXYZ";
const MODEL = "anthropic/claude-sonnet-4-6";
const PARTIAL = "Quantum computers use qubits, which can hold 0 and 1 at once.";

/**
 * A session is saved as it streams: the app process is killed (SIGKILL) while a slow upstream
 * stream is in flight; after a restart the partial turn is there, marked interrupted, in the
 * owner's session and on its shared page.
 */
describe.each(testProviders)("a session survives a server restart mid-stream (%s)", (provider) => {
  let database: TestDatabase;
  let fake: FakeAnthropicServer;
  let server: AppServer | undefined;
  let cookie = "";
  const env = () => Object.fromEntries(Object.entries(appEnv(database)).map(([key, value]) => [key, value ?? ""]));

  async function call(pathname: string, init: RequestInit = {}) {
    const response = await fetch(`${server!.url}${pathname}`, {
      ...init,
      headers: { "content-type": "application/json", origin: server!.url, cookie, ...(init.headers ?? {}) },
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0]!;
    return response;
  }

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    fake = await startFakeAnthropicServer({ apiKey: PROVIDER_SECRET });
    const cli = (args: string[], stdin?: string) => runCli(args, { env: appEnv(database), stdin });
    expect((await cli(["user", "create", "--email", "owner@example.com", "--password-stdin"], "owner-password")).code).toBe(0);
    const added = await cli(["provider", "add", "--provider", "anthropic", "--name", "fake", "--api-key-stdin", "--base-url", fake.url], PROVIDER_SECRET);
    expect(added.code, added.stderr).toBe(0);
    server = await startAppServer(env(), PORTS[provider]);
    const signIn = await call("/api/auth/sign-in", { method: "POST", body: JSON.stringify({ email: "owner@example.com", password: "owner-password" }) });
    expect(signIn.status).toBe(200);
  }, 300_000); // the first start may build the app

  afterEach(async () => {
    await server?.stop();
    await fake.close();
    await database.dispose();
  });

  it("keeps the partial turn, marked interrupted, after a SIGKILL and restart", async () => {
    onTestFailed(() => console.error(`server output:\n${server?.output()}`));
    const created = await call("/api/playground/sessions", { method: "POST", body: JSON.stringify({ model: MODEL, settings: defaultPlaygroundSettings }) });
    expect(created.status).toBe(201);
    const sessionId = ((await created.json()) as { session: SessionDocument }).session.id;
    const getSession = async () => ((await (await call(`/api/playground/sessions/${sessionId}`)).json()) as { session: SessionDocument }).session;
    const share = (await (await call(`/api/sessions/${sessionId}/share`, { method: "POST", body: "{}" })).json()) as { share: { path: string } };

    // A slow upstream: both text deltas, then the stream stalls with the connection open.
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", delayMs: 100, stallAfterEvents: 5 }, times: 1 });
    const turn = await call(`/api/playground/sessions/${sessionId}/turns`, {
      method: "POST",
      body: JSON.stringify({ model: MODEL, settings: defaultPlaygroundSettings, action: { type: "send", parts: [{ type: "text", text: "Explain qubits" }], cache: null } }),
    });
    expect(turn.status).toBe(200);
    const reader = turn.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    while (!received.includes("at once.")) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the turn ended early: ${received}`);
      received += value;
    }
    // Saved while streaming (at most a second behind); polled, not timed.
    await expect.poll(async () => (await getSession()).messages[1]?.parts, { timeout: 10_000 }).toEqual([{ type: "text", text: PARTIAL }]);

    await server!.kill();
    await reader.cancel().catch(() => {});
    server = await startAppServer(env(), PORTS[provider]);

    // The stream is gone with the process: once no save has come for a while, the turn reads as interrupted.
    await expect.poll(async () => (await getSession()).messages[1]?.status, { timeout: 40_000, interval: 1000 }).toBe("interrupted");
    const after = await getSession();
    expect(after.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(after.messages[1]!.parts).toEqual([{ type: "text", text: PARTIAL }]);

    const sharedPage = await (await fetch(`${server!.url}${share.share.path}`)).text();
    expect(sharedPage).toContain(PARTIAL);
    expect(sharedPage).toContain("Interrupted");
  }, 180_000);
});
