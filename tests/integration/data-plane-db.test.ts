/**
 * The gateway's data-plane client (lib/db/data-plane: raw SQL over better-sqlite3 or pg, no
 * Prisma) and Prisma's client (the admin UI) share every row: each reads what the other wrote —
 * dates, booleans and bigints alike — on both databases, and in a process whose time zone is not
 * UTC. A database that cannot answer is DatabaseUnavailableError; a refused statement keeps the
 * driver's code in its message.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import { createDataPlaneDb, getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";
import { bigintOrNull, booleanOf, dateOf, dateOrNull, intOrNull } from "@/lib/db/data-plane/sql-values";
import { DatabaseUnavailableError } from "@/lib/db/database-unavailable";
import { incrementSubjectCounters } from "@/lib/db/increment-counters";
import { quarantineRequestLogRow } from "@/lib/db/quarantine-request-log-row";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";

const WHEN = new Date("2026-03-04T05:06:07.089Z");
const LATER = new Date("2026-11-12T13:14:15.678Z");
const BIG = 9_007_199_254_740_993n; // 2^53 + 1: not a safe JS number

describe.each(testProviders)("the data-plane client on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  let plane: DataPlaneDb;
  const zone = process.env.TZ;

  beforeAll(async () => {
    // Far from UTC: a date read or written in local time would be off by hours.
    process.env.TZ = "Pacific/Kiritimati";
    ({ database, db } = await createMigratedDatabase(provider));
    plane = getDataPlaneDb();
  });

  afterAll(async () => {
    process.env.TZ = zone;
    if (zone === undefined) delete process.env.TZ;
    await disposeDatabase({ database, db });
  });

  it("renders `?` placeholders and reports changed rows", async () => {
    expect(await plane.query<{ one: unknown }>(`SELECT ? AS "one"`, ["x"])).toEqual([{ one: "x" }]);
    await db.setting.create({ data: { key: "a", value: "1" } });
    await db.setting.create({ data: { key: "b", value: "2" } });
    expect(await plane.execute(`UPDATE "Setting" SET "value" = ? WHERE "key" IN (?, ?)`, ["3", "a", "b"])).toBe(2);
    expect((await db.setting.findMany({ orderBy: { key: "asc" } })).map((row) => row.value)).toEqual(["3", "3"]);
  });

  it("reads what Prisma wrote: dates, booleans, bigints, nulls", async () => {
    const user = await db.user.create({
      data: { email: "p@example.com", passwordHash: "x", monthlyBudgetMicros: BIG, disabledAt: WHEN, rpmLimit: 7 },
    });
    await db.apiKey.create({
      data: {
        name: "k",
        prefix: "sy-prisma",
        keyHash: "hash-prisma",
        userId: user.id,
        expiresAt: LATER,
        logBodies: true,
      },
    });
    const [row] = await plane.query(
      `SELECT k."expiresAt", k."revokedAt", k."logBodies", k."monthlyBudgetMicros" AS "keyBudget", k."createdAt",
        u."disabledAt", u."monthlyBudgetMicros", u."rpmLimit", u."tpmLimit"
      FROM "ApiKey" k JOIN "User" u ON u."id" = k."userId" WHERE k."keyHash" = ?`,
      ["hash-prisma"],
    );
    expect(row).toBeDefined();
    expect(dateOf(row!.expiresAt)).toEqual(LATER);
    expect(dateOrNull(row!.revokedAt)).toBeNull();
    expect(booleanOf(row!.logBodies)).toBe(true);
    expect(bigintOrNull(row!.keyBudget)).toBeNull();
    expect(dateOrNull(row!.disabledAt)).toEqual(WHEN);
    expect(bigintOrNull(row!.monthlyBudgetMicros)).toBe(BIG);
    expect(intOrNull(row!.rpmLimit)).toBe(7);
    expect(intOrNull(row!.tpmLimit)).toBeNull();
    const created = (await db.apiKey.findUniqueOrThrow({ where: { keyHash: "hash-prisma" } })).createdAt;
    expect(dateOf(row!.createdAt)).toEqual(created);
  });

  it("writes what Prisma reads: dates, booleans, bigints", async () => {
    const user = await db.user.create({ data: { email: "d@example.com", passwordHash: "x" } });
    await plane.execute(
      `INSERT INTO "ApiKey" ("id", "name", "prefix", "keyHash", "kind", "userId", "createdAt", "expiresAt", "logBodies", "monthlyBudgetMicros")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ["key-dp", "k", "sy-plane", "hash-plane", "user", user.id, WHEN, LATER, true, BIG],
    );
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: "key-dp" } })).toMatchObject({
      createdAt: WHEN,
      expiresAt: LATER,
      revokedAt: null,
      logBodies: true,
      monthlyBudgetMicros: BIG,
    });
    await plane.execute(`UPDATE "ApiKey" SET "logBodies" = ?, "lastUsedAt" = ? WHERE "id" = ?`, [
      false,
      LATER,
      "key-dp",
    ]);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: "key-dp" } })).toMatchObject({
      logBodies: false,
      lastUsedAt: LATER,
    });

    const counts = await incrementSubjectCounters(plane, [
      { subject: "key-dp", window: { id: "tpm:x", expiresAt: LATER }, by: 5 },
    ]);
    expect(counts.get("key-dp tpm:x")).toBe(5);
    expect(
      await db.rateLimitCounter.findUniqueOrThrow({
        where: { apiKeyId_window: { apiKeyId: "key-dp", window: "tpm:x" } },
      }),
    ).toMatchObject({ value: 5n, expiresAt: LATER });

    await quarantineRequestLogRow(plane, { id: "refused-1" }, "a reason", WHEN);
    expect(await db.requestLogQuarantine.findUniqueOrThrow({ where: { id: "refused-1" } })).toMatchObject({
      createdAt: WHEN,
      reason: "a reason",
    });
  });

  it("compares dates as Prisma does: rows either client wrote fall on the right side of a bound", async () => {
    await db.rateLimitCounter.create({ data: { apiKeyId: "cmp", window: "prisma", value: 1n, expiresAt: WHEN } });
    await incrementSubjectCounters(plane, [{ subject: "cmp", window: { id: "plane", expiresAt: WHEN }, by: 1 }]);
    const just = (ms: number) => new Date(WHEN.getTime() + ms);
    const count = async (sql: string, bound: Date) =>
      (await plane.query(`SELECT "window" FROM "RateLimitCounter" WHERE "apiKeyId" = ? AND ${sql}`, ["cmp", bound]))
        .length;
    expect(await count(`"expiresAt" < ?`, just(1))).toBe(2);
    expect(await count(`"expiresAt" < ?`, WHEN)).toBe(0);
    expect(await count(`"expiresAt" <= ?`, WHEN)).toBe(2);
    expect(await db.rateLimitCounter.count({ where: { apiKeyId: "cmp", expiresAt: { gte: WHEN, lt: just(1) } } })).toBe(
      2,
    );
  });

  it("keeps the driver's code in a refused statement's message", async () => {
    const error = await plane
      .execute(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?)`, ["a", "dup", WHEN])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(provider === "postgresql" ? /^23505: / : /^SQLITE_CONSTRAINT/);
  });

  it("a database that cannot answer is DatabaseUnavailableError", async () => {
    if (provider === "postgresql") {
      const unreachable = new URL(database.url);
      unreachable.port = "1"; // nothing listens there: connection refused
      const down = createDataPlaneDb({ provider, url: unreachable.toString(), connectTimeoutMs: 1_000 });
      try {
        await expect(down.query(`SELECT 1`)).rejects.toBeInstanceOf(DatabaseUnavailableError);
      } finally {
        await down.close();
      }
      return;
    }
    const file = database.url.slice("file:".length);
    const locker = new Database(file);
    // WAL lets readers through a writer's lock: a write must wait for it.
    locker.exec("BEGIN IMMEDIATE");
    const waiting = createDataPlaneDb({ provider, url: database.url, file }, { sqliteBusyTimeoutMs: 20 });
    try {
      await expect(waiting.execute(`DELETE FROM "Setting" WHERE "key" = ?`, ["a"])).rejects.toBeInstanceOf(
        DatabaseUnavailableError,
      );
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
      await waiting.close();
    }
  });
});
