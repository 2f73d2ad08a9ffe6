import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import { bigintOrNull, booleanOf, dateOrNull, intOrNull } from "@/lib/db/data-plane/sql-values";
import { AppError } from "@/lib/errors/app-error";
import { hashApiKey } from "./api-key-format";
import { apiKeyStatus } from "./api-key-view";
import { keyLimitsFromRow, type KeyLimits } from "@/lib/rate-limits/key-limits";

export type GatewayPrincipal = {
  keyId: string;
  keyName: string;
  keyPrefix: string;
  userId: string;
  /** Null when the key has no limits: the hot path then touches no counters. */
  limits: KeyLimits | null;
  /** The owner's limits, shared by all of the owner's keys (the playground's too); null when none. */
  userLimits?: KeyLimits | null;
  /** The request log stores bodies for this key. */
  logBodies: boolean;
  /** "user" for keys people made; "playground" for the playground's internal per-user key. */
  keyKind: string;
};

type Lookup = {
  row: {
    id: string;
    name: string;
    prefix: string;
    kind: string;
    userId: string;
    revokedAt: Date | null;
    expiresAt: Date | null;
    rpmLimit: number | null;
    tpmLimit: number | null;
    monthlyBudgetMicros: bigint | null;
    logBodies: boolean;
    user: {
      rpmLimit: number | null;
      tpmLimit: number | null;
      monthlyBudgetMicros: bigint | null;
      disabledAt: Date | null;
    };
  } | null;
};

const LOOKUP_SQL = `
  SELECT k."id", k."name", k."prefix", k."kind", k."userId", k."revokedAt", k."expiresAt",
    k."rpmLimit", k."tpmLimit", k."monthlyBudgetMicros", k."logBodies",
    u."rpmLimit" AS "userRpmLimit", u."tpmLimit" AS "userTpmLimit",
    u."monthlyBudgetMicros" AS "userMonthlyBudgetMicros", u."disabledAt" AS "userDisabledAt"
  FROM "ApiKey" k JOIN "User" u ON u."id" = k."userId"
  WHERE k."keyHash" = ?`;

function lookupRow(row: Record<string, unknown>): NonNullable<Lookup["row"]> {
  return {
    id: row.id as string,
    name: row.name as string,
    prefix: row.prefix as string,
    kind: row.kind as string,
    userId: row.userId as string,
    revokedAt: dateOrNull(row.revokedAt),
    expiresAt: dateOrNull(row.expiresAt),
    rpmLimit: intOrNull(row.rpmLimit),
    tpmLimit: intOrNull(row.tpmLimit),
    monthlyBudgetMicros: bigintOrNull(row.monthlyBudgetMicros),
    logBodies: booleanOf(row.logBodies),
    user: {
      rpmLimit: intOrNull(row.userRpmLimit),
      tpmLimit: intOrNull(row.userTpmLimit),
      monthlyBudgetMicros: bigintOrNull(row.userMonthlyBudgetMicros),
      disabledAt: dateOrNull(row.userDisabledAt),
    },
  };
}

// A revocation must reach every instance within a second, so lookups are cached
// for at most that long: one indexed read per key per second on the hot path.
const CACHE_TTL_MS = 1_000;
const CACHE_MAX_ENTRIES = 10_000;
const LAST_USED_EVERY_MS = 60_000;

const cache = new Map<string, { lookup: Lookup; expiresAt: number }>();
const lastUsedWritten = new Map<string, number>();

/** The key a gateway request presents: `Authorization: Bearer …` (OpenAI SDKs) or `x-api-key` (Anthropic SDKs). */
export function presentedApiKey(headers: Pick<Headers, "get">): string | undefined {
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? headers.get("x-api-key")?.trim() ?? undefined;
}

// Keyed by the presented key itself: hashing it on every request (a new hash object each time)
// cost more than the cached lookup. The process holds presented keys in memory anyway.
async function lookup(db: DataPlaneDb, presented: string): Promise<Lookup> {
  const now = Date.now();
  const cached = cache.get(presented);
  if (cached && cached.expiresAt > now) return cached.lookup;
  const [found] = await db.query(LOOKUP_SQL, [hashApiKey(presented)]);
  const row = found ? lookupRow(found) : null;
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  cache.set(presented, { lookup: { row }, expiresAt: now + CACHE_TTL_MS });
  return { row };
}

export async function authenticateApiKey(db: DataPlaneDb, presented: string | undefined): Promise<GatewayPrincipal> {
  if (!presented) {
    throw new AppError(
      "unauthorized",
      "Missing API key: send it as `Authorization: Bearer <key>` or `x-api-key: <key>`.",
    );
  }
  const { row } = await lookup(db, presented);
  if (!row) throw new AppError("unauthorized", "Invalid API key.");
  const status = apiKeyStatus(row);
  if (status !== "active") throw new AppError("unauthorized", `API key ${row.prefix}… has been ${status}.`);
  if (row.user.disabledAt) throw new AppError("unauthorized", `API key ${row.prefix}… belongs to a disabled user.`);
  touchLastUsed(db, row.id);
  return {
    keyId: row.id,
    keyName: row.name,
    keyPrefix: row.prefix,
    userId: row.userId,
    keyKind: row.kind,
    limits: keyLimitsFromRow(row),
    userLimits: keyLimitsFromRow(row.user),
    logBodies: row.logBodies,
  };
}

function touchLastUsed(db: DataPlaneDb, keyId: string) {
  const now = Date.now();
  if (now - (lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(keyId, now);
  // Off the response path: a slow database delays the timestamp, not the answer.
  db.execute(`UPDATE "ApiKey" SET "lastUsedAt" = ? WHERE "id" = ?`, [new Date(now), keyId]).catch(() => {});
}

/** Tests only: forget cached lookups. */
export function clearApiKeyCache() {
  cache.clear();
  lastUsedWritten.clear();
}
