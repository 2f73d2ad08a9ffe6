import { describe, expect, it, onTestFailed } from "vitest";
import { useSignedInApp } from "../helpers/signed-in-app";
import { testProviders } from "../helpers/test-database";
import type { ConversationDocument } from "@/lib/conversations/document/conversation-document";
import { createPlaygroundSession, postPlaygroundTurn, readStreamUntil, sendText } from "../helpers/playground-api";

const PORTS = { sqlite: 3450, postgresql: 3451 } as const;
const PROVIDER_SECRET = "sk-ant-api03-PLAYGROUND-CRASH-0123456789-WXYZ";

/**
 * The playground saves an answer while it streams: the server is killed (SIGKILL, no cleanup)
 * mid-answer and the restarted server still has the partial turn, and the conversation goes on.
 */
describe.each(testProviders)("playground turns survive a server crash (%s)", (provider) => {
  const app = useSignedInApp(provider, PORTS[provider], PROVIDER_SECRET);
  const { call } = app;

  it("keeps the partial answer saved before a SIGKILL, and answers again after the restart", async () => {
    onTestFailed(() =>
      console.error(`server output:\n${app.server?.output()}\nupstream requests: ${app.fake.requests.length}`),
    );
    const sessionId = await createPlaygroundSession(call);
    const getSession = async () =>
      ((await (await call(`/api/playground/sessions/${sessionId}`)).json()) as { session: ConversationDocument })
        .session;

    // The provider sends both text deltas, then stalls with the connection open.
    app.fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 5 }, times: 1 });
    const turn = await postPlaygroundTurn(call, sessionId, sendText("Explain qubits"));
    const reader = await readStreamUntil(turn, "at once.");

    // Saved at most a second behind the stream (polled, with room for a slow machine).
    const expectedText = "Quantum computers use qubits, which can hold 0 and 1 at once.";
    const deadline = Date.now() + 5_000;
    let saved = await getSession();
    while (
      saved.messages[1]?.parts[0]?.type !== "text" ||
      (saved.messages[1].parts[0] as { text: string }).text !== expectedText
    ) {
      if (Date.now() > deadline)
        throw new Error(`the partial answer was not saved: ${JSON.stringify(saved.messages[1])}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      saved = await getSession();
    }
    expect(saved.messages[1]!.status).toBe("streaming");

    await app.server.kill();
    await app.fake.requests[0]!.clientClosed; // the crash dropped the upstream connection too
    await reader.cancel().catch(() => {});
    await app.restart();

    const afterRestart = await getSession();
    expect(afterRestart.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(afterRestart.messages[1]!.parts).toEqual([{ type: "text", text: expectedText }]);
    expect(afterRestart.messages[1]!.status).not.toBe("complete");

    // The conversation goes on: regenerate the cut-off turn.
    app.fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-thinking" }, times: 1 });
    await (await postPlaygroundTurn(call, sessionId, { type: "regenerate", position: 1 })).text();
    const final = await getSession();
    expect(final.messages[1]).toMatchObject({
      status: "complete",
      parts: [
        { type: "reasoning", signature: "EqQBCkYIBRgCIkBsig1ThinkingFixture==" },
        { type: "text", text: "Use sharded token buckets." },
      ],
    });
    expect(final.messages[1]!.metrics?.usage).toMatchObject({ inputTokens: 42, outputTokens: 96 });
  }, 120_000);
});
