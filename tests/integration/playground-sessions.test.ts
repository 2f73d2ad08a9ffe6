import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import type { Db } from "@/lib/db";
import { authenticateApiKey, clearApiKeyCache } from "@/lib/api-keys/authenticate-api-key";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { createUser } from "@/lib/users/create-user";
import {
  loadSendableAttachments,
  readAttachment,
  saveUploadedAttachment,
  saveUrlAttachment,
} from "@/lib/conversations/attachments/attachment-store";
import { buildChatRequest } from "@/lib/conversations/turns/build-chat-request";
import { playgroundGatewayKey } from "@/lib/conversations/turns/playground-gateway-key";
import {
  defaultPlaygroundSettings,
  conversationDocumentSchema,
  type TurnMetrics,
} from "@/lib/conversations/document/conversation-document";
import {
  createSession,
  getSessionDocument,
  latestSessionId,
  updateSession,
} from "@/lib/conversations/store/conversation-store";
import { compareBaseOf } from "@/lib/conversations/compare/compare-api";
import { promoteCompareAnswer } from "@/lib/conversations/compare/promote-compare-answer";
import { planTurn, type TurnAction } from "@/lib/conversations/turns/turn-action";
import { saveTurnStart, saveTurnState } from "@/lib/conversations/store/turn-store";
import { makePdf, makePng } from "../e2e/fixtures/sample-files";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";

const MODEL = "anthropic/claude-sonnet-4-6";
const metrics = (): TurnMetrics => ({
  usage: null,
  costUsd: null,
  cacheSavingsUsd: null,
  startedAt: new Date().toISOString(),
  timeToFirstTokenMs: null,
  latencyMs: null,
  finishReason: null,
  servedModel: null,
});

/** What runTurn does around the stream, without the gateway: plan, build, save the start. */
async function startTurn(db: Db, userId: string, sessionId: string, action: TurnAction) {
  const document = await getSessionDocument(db, userId, sessionId);
  const plan = planTurn(document.messages, action);
  const conversation = plan.append
    ? [...plan.keep, { ...plan.append, position: plan.keep.length, status: "complete" as const }]
    : plan.keep;
  const attachmentIds = conversation.flatMap((message) =>
    message.parts.flatMap((part) => (part.type === "attachment" ? [part.attachmentId] : [])),
  );
  const attachments = await loadSendableAttachments(db, userId, sessionId, attachmentIds);
  const { body, sentBack } = buildChatRequest({
    model: MODEL,
    settings: document.settings,
    messages: conversation,
    attachments,
  });
  const assistant = await saveTurnStart(db, {
    sessionId,
    position: plan.keep.length,
    append: plan.append,
    keep: plan.keep,
    saved: document.messages,
    sentBack,
    turnRequest: { model: MODEL, settings: document.settings, cacheBreakpoints: [] },
    metrics: metrics(),
    session: { model: MODEL, settings: JSON.stringify(document.settings), titleEdited: document.titleEdited },
  });
  return { assistant, body };
}

const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

describe.each(testProviders)("playground conversations on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  let alice: { id: string };
  let bob: { id: string };

  beforeEach(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
    clearApiKeyCache();
    alice = await createUser(db, { email: "alice@example.com", password: "alice-password" });
    bob = await createUser(db, { email: "bob@example.com", password: "bob-password" });
  });
  afterEach(() => disposeDatabase({ database, db }));

  it("saves a conversation as it streams: turns, reasoning sent back, attachments, interrupted turns, edits", async () => {
    const session = await createSession(db, alice.id, {
      model: MODEL,
      settings: { ...defaultPlaygroundSettings, systemPrompt: "Be brief." },
    });
    expect(await latestSessionId(db, alice.id)).toBe(session.id);
    await expect(getSessionDocument(db, bob.id, session.id)).rejects.toMatchObject({ code: "not_found" });

    const png = await saveUploadedAttachment(db, alice.id, file(makePng(), "chart.png", "image/png"));
    const pdf = await saveUploadedAttachment(db, alice.id, file(await makePdf(3), "report.pdf", "application/pdf"));
    expect(pdf).toMatchObject({ kind: "pdf", pageCount: 3, fileName: "report.pdf" });
    // Bob cannot send (or read) Alice's files.
    await expect(loadSendableAttachments(db, bob.id, session.id, [png.id])).rejects.toThrow(/does not exist/);
    await expect(readAttachment(db, bob.id, png.id)).rejects.toMatchObject({ code: "not_found" });

    // Turn 1 starts: the user's message and a streaming assistant turn are saved before any token.
    const turn1 = await startTurn(db, alice.id, session.id, {
      type: "send",
      parts: [
        { type: "attachment", attachmentId: png.id, cache: { ttl: "1h" } },
        { type: "attachment", attachmentId: pdf.id },
        { type: "text", text: "What do these show?" },
      ],
      cache: null,
    });
    expect(turn1.body.messages[1]).toMatchObject({
      role: "user",
      content: [{ type: "image_url" }, { type: "document" }, { type: "text" }],
    });
    let document = await getSessionDocument(db, alice.id, session.id);
    expect(document.title).toBe("What do these show?");
    expect(document.attachments.map((attachment) => attachment.id).sort()).toEqual([png.id, pdf.id].sort());
    expect(document.messages.map((message) => [message.role, message.status])).toEqual([
      ["user", "complete"],
      ["assistant", "streaming"],
    ]);

    // Mid-stream saves, then the stream is lost (a crash): the partial turn reads as interrupted.
    await saveTurnState(db, turn1.assistant.id, {
      parts: [
        { type: "reasoning", text: "Look at the axes.", signature: "sig-1" },
        { type: "text", text: "The chart shows" },
      ],
      status: "streaming",
      metrics: metrics(),
      error: null,
    });
    document = await getSessionDocument(db, alice.id, session.id);
    expect(document.messages[1]).toMatchObject({
      status: "streaming",
      parts: [{ type: "reasoning" }, { type: "text", text: "The chart shows" }],
    });
    await db.playgroundMessage.update({
      where: { id: turn1.assistant.id },
      data: { updatedAt: new Date(Date.now() - 60_000) },
    });
    document = await getSessionDocument(db, alice.id, session.id);
    expect(document.messages[1]!.status).toBe("interrupted");
    expect(document.messages[1]!.parts[1]).toEqual({ type: "text", text: "The chart shows" });

    // Turn 2 sends the signed reasoning back, and says so on the block.
    const turn2 = await startTurn(db, alice.id, session.id, {
      type: "send",
      parts: [{ type: "text", text: "Go on" }],
      cache: null,
    });
    expect(turn2.body.messages[2]).toMatchObject({
      role: "assistant",
      content: [{ type: "reasoning", signature: "sig-1" }, { type: "text" }],
    });
    await saveTurnState(db, turn2.assistant.id, {
      parts: [{ type: "text", text: "Sales rose." }],
      status: "complete",
      metrics: metrics(),
      error: null,
    });
    document = await getSessionDocument(db, alice.id, session.id);
    expect(document.messages[1]!.parts[0]).toEqual({
      type: "reasoning",
      text: "Look at the axes.",
      signature: "sig-1",
      sentBack: true,
    });
    expect(document.messages.map((message) => message.position)).toEqual([0, 1, 2, 3]);

    // Editing the first message drops everything after it; the auto title follows it.
    await startTurn(db, alice.id, session.id, {
      type: "edit",
      position: 0,
      parts: [{ type: "text", text: "Only the chart, please" }],
      cache: null,
    });
    document = await getSessionDocument(db, alice.id, session.id);
    expect(document.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(document.title).toBe("Only the chart, please");
    await updateSession(db, alice.id, session.id, { title: "Chart questions" });
    expect((await getSessionDocument(db, alice.id, session.id)).title).toBe("Chart questions");

    // The document is the export format, and never carries file bytes or anything of another user.
    const parsed = conversationDocumentSchema.parse(document);
    expect(parsed.attachments.every((attachment) => attachment.data === undefined)).toBe(true);
    expect(JSON.stringify(document)).not.toContain(makePng().toString("base64").slice(0, 40));
  });

  it("promotes a compare column: saved like a normal turn, the conversation continues with its model; refused on a changed conversation", async () => {
    const session = await createSession(db, alice.id, { model: MODEL, settings: defaultPlaygroundSettings });
    const turn1 = await startTurn(db, alice.id, session.id, {
      type: "send",
      parts: [{ type: "text", text: "Think first" }],
      cache: null,
    });
    await saveTurnState(db, turn1.assistant.id, {
      parts: [
        { type: "reasoning", text: "Hm.", signature: "sig-1" },
        { type: "text", text: "Done." },
      ],
      status: "complete",
      metrics: metrics(),
      error: null,
    });
    const base = compareBaseOf((await getSessionDocument(db, alice.id, session.id)).messages);
    const haiku = "anthropic/claude-haiku-4-5";
    const columnSettings = { ...defaultPlaygroundSettings, thinking: { mode: "manual" as const, budgetTokens: 2048 } };
    const answerMetrics = {
      ...metrics(),
      usage: { inputTokens: 40, outputTokens: 12, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 },
      costUsd: 0.0001,
      latencyMs: 420,
      timeToFirstTokenMs: 90,
      finishReason: "stop",
      servedModel: "claude-haiku-4-5",
    };
    const promotion = {
      base,
      model: haiku,
      settings: columnSettings,
      message: { parts: [{ type: "text", text: "Now compare" }], cache: { ttl: "5m" } },
      marks: [{ position: 0, partIndex: null, cache: { ttl: "1h" } }],
      answer: {
        parts: [{ type: "text", text: "Haiku says hi." }],
        status: "complete",
        error: null,
        metrics: answerMetrics,
      },
    };

    await expect(
      promoteCompareAnswer({ db, userId: bob.id, sessionId: session.id, body: promotion }),
    ).rejects.toMatchObject({ code: "not_found" });
    const document = await promoteCompareAnswer({ db, userId: alice.id, sessionId: session.id, body: promotion });
    expect(document.messages.map((message) => [message.position, message.role, message.status])).toEqual([
      [0, "user", "complete"],
      [1, "assistant", "complete"],
      [2, "user", "complete"],
      [3, "assistant", "complete"],
    ]);
    expect(document.messages[0]!.cache).toEqual({ ttl: "1h" });
    expect(document.messages[1]!.parts[0]).toMatchObject({ type: "reasoning", sentBack: true });
    expect(document.messages[2]).toMatchObject({
      parts: [{ type: "text", text: "Now compare" }],
      cache: { ttl: "5m" },
    });
    expect(document.messages[3]).toMatchObject({
      parts: [{ type: "text", text: "Haiku says hi." }],
      metrics: answerMetrics,
      request: {
        model: haiku,
        settings: columnSettings,
        cacheBreakpoints: [
          { label: "Message 1", ttl: "1h" },
          { label: "Message 3", ttl: "5m" },
        ],
      },
    });
    expect(document).toMatchObject({ model: haiku, settings: columnSettings });

    // The same column again, or any column of that run: the conversation moved on.
    await expect(
      promoteCompareAnswer({ db, userId: alice.id, sessionId: session.id, body: promotion }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await getSessionDocument(db, alice.id, session.id)).messages).toHaveLength(4);
  });

  it("checks uploads by content, size and PDF pages, and keeps URL attachments as URLs", async () => {
    await expect(
      saveUploadedAttachment(db, alice.id, file(new TextEncoder().encode("not a png"), "fake.png", "image/png")),
    ).rejects.toThrow(/not a valid image\/png/);
    const many = await PDFDocument.create();
    for (let page = 0; page < 101; page++) many.addPage([100, 100]);
    await expect(
      saveUploadedAttachment(db, alice.id, file(await many.save(), "long.pdf", "application/pdf")),
    ).rejects.toThrow(/101 pages; PDFs may have at most 100/);
    await expect(
      saveUploadedAttachment(db, alice.id, file(new Uint8Array(6 * 1024 * 1024), "huge.png", "image/png")),
    ).rejects.toThrow(/at most 5\.0 MB/);

    const byUrl = await saveUrlAttachment(db, alice.id, "https://example.com/docs/spec.pdf");
    expect(byUrl).toMatchObject({
      kind: "pdf",
      fileName: "spec.pdf",
      sourceUrl: "https://example.com/docs/spec.pdf",
      byteSize: 0,
    });
    await expect(saveUrlAttachment(db, alice.id, "file:///etc/passwd")).rejects.toThrow(/http\(s\) URL/);
  });

  it("gives each user an internal playground gateway key: stored hashed, authenticates as that user, not listed", async () => {
    // A first compare asks for it from every column at once: one key, not one per column.
    const concurrent = await Promise.all([1, 2, 3, 4].map(() => playgroundGatewayKey(db, alice.id)));
    const key = concurrent[0]!;
    expect(new Set(concurrent).size).toBe(1);
    expect(key).toMatch(/^sy-[0-9a-f]{8}-[A-Za-z0-9_-]{43}$/);
    expect(await playgroundGatewayKey(db, alice.id)).toBe(key);
    expect(await playgroundGatewayKey(db, bob.id)).not.toBe(key);
    await expect(authenticateApiKey(getDataPlaneDb(), key)).resolves.toMatchObject({
      userId: alice.id,
      keyKind: "playground",
    });
    const rows = await db.apiKey.findMany({ where: { userId: alice.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "playground" });
    expect(JSON.stringify(rows)).not.toContain(key.slice(12));
    expect(await listApiKeys(db, "operator")).toEqual([]);

    // Revoked: the next call makes a new one rather than failing forever.
    await db.apiKey.updateMany({ where: { userId: alice.id }, data: { revokedAt: new Date() } });
    const replacement = await playgroundGatewayKey(db, alice.id);
    expect(replacement).not.toBe(key);
    await expect(authenticateApiKey(getDataPlaneDb(), replacement)).resolves.toMatchObject({ userId: alice.id });
  });
});
