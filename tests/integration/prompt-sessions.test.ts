import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, createDb, type Db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { loadSendableAttachments, saveUploadedAttachment } from "@/lib/conversations/attachments/attachment-store";
import {
  defaultPlaygroundSettings,
  conversationDocumentSchema,
  type ConversationDocument,
  type TurnMetrics,
} from "@/lib/conversations/document/conversation-document";
import { createSession, getSessionDocument } from "@/lib/conversations/store/conversation-store";
import { saveTurnStart, saveTurnState } from "@/lib/conversations/store/turn-store";
import { duplicateSession, forkSharedSession } from "@/lib/conversations/fork/fork-conversation";
import { exportSession, importSession } from "@/lib/conversations/export/conversation-export";
import {
  deleteSession,
  listSessions,
  purgeDeletedSessions,
  restoreSession,
  UNDO_WINDOW_MS,
} from "@/lib/conversations/store/conversation-list";
import { createShare, findSharedSession, getShare, revokeShare } from "@/lib/conversations/share/conversation-shares";
import { getSharedSession, readSharedAttachment } from "@/lib/conversations/share/shared-conversation";
import { makePng } from "../e2e/fixtures/sample-files";
import { createTestDatabase, postgresUrl, testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase, useAppEnv } from "../helpers/test-env";

const MODEL = "anthropic/claude-sonnet-4-6";
const SETTINGS = {
  ...defaultPlaygroundSettings,
  systemPrompt: "You are a careful analyst.",
  systemCache: { ttl: "1h" as const },
  thinking: { mode: "manual" as const, budgetTokens: 8000 },
  tools: [
    {
      name: "lookup",
      description: "Looks a thing up",
      parameters: { type: "object", properties: { q: { type: "string" } } },
    },
  ],
};
const metrics = (): TurnMetrics => ({
  usage: { inputTokens: 12, outputTokens: 40, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 1500 },
  costUsd: 0.0123,
  cacheSavingsUsd: -0.002,
  startedAt: new Date().toISOString(),
  timeToFirstTokenMs: 210,
  latencyMs: 900,
  finishReason: "stop",
  servedModel: "claude-sonnet-4-6",
});
const tokenOf = (path: string) => path.replace(/^\/s\//, "");

/** A two-message conversation with thinking, a 1h-cached PNG and a usage record, saved the way the playground saves it. */
async function seedConversation(db: Db, userId: string, text = "What does this chart show?") {
  const session = await createSession(db, userId, { model: MODEL, settings: SETTINGS });
  const png = await saveUploadedAttachment(
    db,
    userId,
    new File([new Uint8Array(makePng())], "chart.png", { type: "image/png" }),
  );
  await loadSendableAttachments(db, userId, session.id, [png.id]);
  const assistant = await saveTurnStart(db, {
    sessionId: session.id,
    position: 0,
    append: {
      role: "user",
      parts: [
        { type: "attachment", attachmentId: png.id, cache: { ttl: "1h" } },
        { type: "text", text },
      ],
      cache: null,
    },
    keep: [],
    saved: [],
    sentBack: [],
    turnRequest: { model: MODEL, settings: SETTINGS, cacheBreakpoints: [{ label: "System prompt", ttl: "1h" }] },
    metrics: metrics(),
    session: { model: MODEL, settings: JSON.stringify(SETTINGS), titleEdited: false },
  });
  await saveTurnState(db, assistant.id, {
    status: "complete",
    error: null,
    metrics: metrics(),
    parts: [
      { type: "reasoning", text: "The bars rise each quarter.", signature: "sig-abc" },
      { type: "redacted_reasoning", data: "ENCRYPTED" },
      { type: "text", text: "Revenue grows every quarter." },
    ],
  });
  return { sessionId: session.id, attachmentId: png.id };
}

/** What must survive any copy: everything but ids and timestamps. */
function comparable(document: Omit<ConversationDocument, "id">) {
  const fileNames = new Map(document.attachments.map((attachment) => [attachment.id, attachment.fileName]));
  return {
    title: document.title,
    model: document.model,
    settings: document.settings,
    attachments: document.attachments.map(({ id: _id, ...attachment }) => attachment),
    messages: document.messages.map(({ id: _id, createdAt: _c, updatedAt: _u, ...message }) => ({
      ...message,
      parts: message.parts.map((part) =>
        part.type === "attachment" ? { ...part, attachmentId: fileNames.get(part.attachmentId) } : part,
      ),
    })),
  };
}

describe.each(testProviders)("prompt sessions on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  let alice: { id: string };
  let bob: { id: string };

  beforeEach(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
    alice = await createUser(db, { email: "alice@example.com", password: "alice-password" });
    bob = await createUser(db, { email: "bob@example.com", password: "bob-password" });
  });
  afterEach(() => disposeDatabase({ database, db }));

  it("shares by an unguessable link that the owner can copy again, revokes and expires it", async () => {
    const { sessionId, attachmentId } = await seedConversation(db, alice.id);
    await expect(createShare(db, bob.id, sessionId, {})).rejects.toMatchObject({ code: "not_found" });
    expect(await getShare(db, alice.id, sessionId)).toBeNull();

    const share = await createShare(db, alice.id, sessionId, {});
    expect(share.path).toMatch(/^\/s\/[A-Za-z0-9_-]{32}$/);
    expect(share.path).not.toContain(sessionId);
    expect(await getShare(db, alice.id, sessionId)).toEqual(share);
    const stored = await db.sessionShare.findUniqueOrThrow({ where: { sessionId } });
    expect(JSON.stringify(stored)).not.toContain(tokenOf(share.path));

    const shared = await getSharedSession(db, tokenOf(share.path));
    expect(shared).not.toHaveProperty("id");
    expect(JSON.stringify(shared)).not.toContain("alice@example.com");
    expect(JSON.stringify(shared)).not.toContain(alice.id);
    expect(shared.settings).toEqual(SETTINGS);
    expect(shared.messages[1]!.parts.map((part) => part.type)).toEqual(["reasoning", "redacted_reasoning", "text"]);
    expect(Buffer.from((await readSharedAttachment(db, tokenOf(share.path), attachmentId)).data)).toEqual(
      Buffer.from(makePng()),
    );

    // Another session's attachment is not reachable through this link.
    const other = await seedConversation(db, alice.id, "Another one");
    await expect(readSharedAttachment(db, tokenOf(share.path), other.attachmentId)).rejects.toMatchObject({
      code: "not_found",
    });

    // Replacing the link kills the old one; revoking kills the new one at once.
    const replaced = await createShare(db, alice.id, sessionId, { expiresInDays: 7 });
    expect(replaced.path).not.toBe(share.path);
    expect(await findSharedSession(db, tokenOf(share.path))).toBeNull();
    expect(new Date(replaced.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    await revokeShare(db, alice.id, sessionId);
    await expect(getSharedSession(db, tokenOf(replaced.path))).rejects.toMatchObject({ code: "not_found" });

    // Expired links and deleted sessions read as not found.
    const expiring = await createShare(db, alice.id, sessionId, {});
    await db.sessionShare.update({ where: { sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSharedSession(db, tokenOf(expiring.path))).toBeNull();
    const live = await createShare(db, alice.id, sessionId, {});
    await deleteSession(db, alice.id, sessionId);
    expect(await findSharedSession(db, tokenOf(live.path))).toBeNull();
    expect(await findSharedSession(db, "not-a-token")).toBeNull();
  });

  it("forks a shared session into a deep copy that outlives the original", async () => {
    const { sessionId } = await seedConversation(db, alice.id);
    const share = await createShare(db, alice.id, sessionId, {});
    const forkId = await forkSharedSession(db, bob.id, tokenOf(share.path));
    const original = await getSessionDocument(db, alice.id, sessionId);
    const fork = await getSessionDocument(db, bob.id, forkId);
    expect(comparable(fork)).toEqual(comparable(original));
    expect(fork.attachments[0]!.id).not.toBe(original.attachments[0]!.id);
    await expect(getSessionDocument(db, alice.id, forkId)).rejects.toMatchObject({ code: "not_found" });

    // The fork's files are Bob's own: they survive the original's purge.
    await deleteSession(db, alice.id, sessionId);
    await purgeDeletedSessions(db, alice.id, Date.now() + UNDO_WINDOW_MS + 1000);
    expect(await db.playgroundSession.count({ where: { id: sessionId } })).toBe(0);
    const forkAttachment = await db.playgroundAttachment.findFirstOrThrow({
      where: { sessionId: forkId },
      select: { userId: true, data: true },
    });
    expect(forkAttachment.userId).toBe(bob.id);
    expect(Buffer.from(forkAttachment.data!)).toEqual(Buffer.from(makePng()));

    const duplicateId = await duplicateSession(db, bob.id, forkId);
    expect((await getSessionDocument(db, bob.id, duplicateId)).title).toBe("What does this chart show? (copy)");
  });

  it("lists by last activity with keyset pages, searches titles and message text, deletes with undo", async () => {
    const base = Date.now();
    for (let index = 0; index < 7; index += 1) {
      const session = await createSession(db, alice.id, {
        model: MODEL,
        settings: SETTINGS,
        title: `Session ${index}`,
      });
      // Two sessions share a timestamp: the id breaks the tie without skipping or repeating one.
      await db.playgroundSession.update({
        where: { id: session.id },
        data: { lastActivityAt: new Date(base - Math.min(index, 5) * 60_000) },
      });
    }
    await createSession(db, bob.id, { model: MODEL, settings: SETTINGS, title: "Bob's" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSessions(db, alice.id, { limit: 3, cursor });
      seen.push(...page.sessions.map((session) => session.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.slice(0, 5)).toEqual(["Session 0", "Session 1", "Session 2", "Session 3", "Session 4"]);
    expect(new Set(seen.slice(5))).toEqual(new Set(["Session 5", "Session 6"]));
    expect(seen).toHaveLength(7);
    await expect(listSessions(db, alice.id, { cursor: "garbage" })).rejects.toMatchObject({ code: "invalid_input" });

    await seedConversation(db, alice.id, 'Quarterly "revenue" chart');
    expect((await listSessions(db, alice.id, { q: "session 3" })).sessions.map((session) => session.title)).toEqual([
      "Session 3",
    ]);
    const byMessage = await listSessions(db, alice.id, { q: "GROWS EVERY" });
    expect(byMessage.sessions).toHaveLength(1);
    expect(byMessage.sessions[0]).toMatchObject({ messageCount: 2, shared: false });
    expect((await listSessions(db, alice.id, { q: '"revenue"' })).sessions).toHaveLength(1);
    expect((await listSessions(db, bob.id, { q: "grows" })).sessions).toHaveLength(0);

    const target = (await listSessions(db, alice.id, { q: "Session 2" })).sessions[0]!;
    await deleteSession(db, alice.id, target.id);
    expect((await listSessions(db, alice.id, { q: "Session 2" })).sessions).toHaveLength(0);
    await expect(deleteSession(db, bob.id, target.id)).rejects.toMatchObject({ code: "not_found" });
    await restoreSession(db, alice.id, target.id);
    expect((await listSessions(db, alice.id, { q: "Session 2" })).sessions).toHaveLength(1);

    await deleteSession(db, alice.id, target.id);
    expect(await purgeDeletedSessions(db, alice.id)).toBe(0); // still within the undo window
    expect(await purgeDeletedSessions(db, alice.id, Date.now() + UNDO_WINDOW_MS + 1000)).toBe(1);
    await expect(restoreSession(db, alice.id, target.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("import refuses bad documents with messages that name the problem", async () => {
    const { sessionId } = await seedConversation(db, alice.id);
    const exported = await exportSession(db, alice.id, sessionId);
    const cases: Array<[string, unknown, RegExp]> = [
      ["not an object", "hello", /not a Switchyard session export/],
      ["a future version", { ...exported, version: 2 }, /format version 2; this install reads version 1/],
      ["a missing field", { ...exported, model: undefined }, /model: /],
      [
        "bad base64",
        { ...exported, attachments: [{ ...exported.attachments[0]!, data: "***" }] },
        /attachments\.0\.data/,
      ],
      ["a dangling attachment", { ...exported, attachments: [] }, /refers to attachment .* not in "attachments"/],
      [
        "a kind that lies",
        { ...exported, attachments: [{ ...exported.attachments[0]!, kind: "pdf" }] },
        /kind "pdf" does not match media type image\/png/,
      ],
      [
        "positions with a gap",
        { ...exported, messages: [exported.messages[1]] },
        /messages\.0\.position: expected 0, found 1/,
      ],
    ];
    for (const [, input, message] of cases) {
      await expect(importSession(db, bob.id, input)).rejects.toMatchObject({
        code: "invalid_input",
        message: expect.stringMatching(message),
      });
    }
    expect((await listSessions(db, bob.id, {})).sessions).toHaveLength(0);
  });
});

describe.skipIf(!postgresUrl)("export from one install, import into another", () => {
  it("round-trips SQLite → PostgreSQL → SQLite with every setting, message and file intact", async () => {
    const sqlite = await createTestDatabase("sqlite");
    const postgres = await createTestDatabase("postgresql");
    await applyMigrations(sqlite);
    await applyMigrations(postgres);
    const sqliteDb = useAppEnv(sqlite);
    const postgresDb = createDb({ provider: "postgresql", url: postgres.url });
    try {
      const alice = await createUser(sqliteDb, { email: "alice@example.com", password: "alice-password" });
      const carol = await createUser(postgresDb, { email: "carol@example.com", password: "carol-password" });
      const { sessionId } = await seedConversation(sqliteDb, alice.id);
      // Through JSON text, as a file between installs would be.
      const exported = JSON.parse(JSON.stringify(await exportSession(sqliteDb, alice.id, sessionId))) as unknown;
      expect(conversationDocumentSchema.parse(exported).attachments[0]!.data).toBe(
        Buffer.from(makePng()).toString("base64"),
      );

      const importedId = await importSession(postgresDb, carol.id, exported);
      const onPostgres = await exportSession(postgresDb, carol.id, importedId);
      expect(comparable(onPostgres)).toEqual(comparable(conversationDocumentSchema.parse(exported)));

      const backId = await importSession(sqliteDb, alice.id, JSON.parse(JSON.stringify(onPostgres)));
      expect(comparable(await exportSession(sqliteDb, alice.id, backId))).toEqual(
        comparable(conversationDocumentSchema.parse(exported)),
      );
    } finally {
      await sqliteDb.$disconnect();
      await postgresDb.$disconnect();
      await sqlite.dispose();
      await postgres.dispose();
    }
  });
});
