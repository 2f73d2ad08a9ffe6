import { describe, expect, it, onTestFailed } from "vitest";
import type { ConversationDocument } from "@/lib/conversations/document/conversation-document";
import { createPlaygroundSession, postPlaygroundTurn, readStreamUntil, sendText } from "../helpers/playground-api";
import { useSignedInApp } from "../helpers/signed-in-app";
import { testProviders } from "../helpers/test-database";

const PORTS = { sqlite: 3462, postgresql: 3463 } as const;
const PROVIDER_SECRET = "sk-ant-api03-SESSIONS-RESTART-0123456789-WXYZ";
const PARTIAL = "Quantum computers use qubits, which can hold 0 and 1 at once.";

/**
 * A session is saved as it streams: the app process is killed (SIGKILL) while a slow upstream
 * stream is in flight; after a restart the partial turn is there, marked interrupted, in the
 * owner's session and on its shared page.
 */
describe.each(testProviders)("a session survives a server restart mid-stream (%s)", (provider) => {
  const app = useSignedInApp(provider, PORTS[provider], PROVIDER_SECRET);
  const { call } = app;

  it("keeps the partial turn, marked interrupted, after a SIGKILL and restart", async () => {
    onTestFailed(() => console.error(`server output:\n${app.server?.output()}`));
    const sessionId = await createPlaygroundSession(call);
    const getSession = async () =>
      ((await (await call(`/api/playground/sessions/${sessionId}`)).json()) as { session: ConversationDocument })
        .session;
    const share = (await (await call(`/api/sessions/${sessionId}/share`, { method: "POST", body: "{}" })).json()) as {
      share: { path: string };
    };

    // A slow upstream: both text deltas, then the stream stalls with the connection open.
    app.fake.addRule({
      scenario: { type: "fixture", fixture: "anthropic-text", delayMs: 100, stallAfterEvents: 5 },
      times: 1,
    });
    const turn = await postPlaygroundTurn(call, sessionId, sendText("Explain qubits"));
    const reader = await readStreamUntil(turn, "at once.");
    // Saved while streaming (at most a second behind); polled, not timed.
    await expect
      .poll(async () => (await getSession()).messages[1]?.parts, { timeout: 10_000 })
      .toEqual([{ type: "text", text: PARTIAL }]);

    await app.server.kill();
    await reader.cancel().catch(() => {});
    await app.restart();

    // The stream is gone with the process: once no save has come for a while, the turn reads as interrupted.
    await expect
      .poll(async () => (await getSession()).messages[1]?.status, { timeout: 40_000, interval: 1000 })
      .toBe("interrupted");
    const after = await getSession();
    expect(after.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(after.messages[1]!.parts).toEqual([{ type: "text", text: PARTIAL }]);

    const sharedPage = await (await fetch(`${app.server.url}${share.share.path}`)).text();
    expect(sharedPage).toContain(PARTIAL);
    expect(sharedPage).toContain("Interrupted");
  }, 180_000);
});
