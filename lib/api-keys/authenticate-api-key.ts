import type { Db } from "@/lib/db";
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
async function lookup(db: Db, presented: string): Promise<Lookup> {
  const now = Date.now();
  const cached = cache.get(presented);
  if (cached && cached.expiresAt > now) return cached.lookup;
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(presented) },
    select: {
      id: true,
      name: true,
      prefix: true,
      kind: true,
      userId: true,
      revokedAt: true,
      expiresAt: true,
      rpmLimit: true,
      tpmLimit: true,
      monthlyBudgetMicros: true,
      logBodies: true,
      user: { select: { rpmLimit: true, tpmLimit: true, monthlyBudgetMicros: true, disabledAt: true } },
    },
  });
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  cache.set(presented, { lookup: { row }, expiresAt: now + CACHE_TTL_MS });
  return { row };
}

export async function authenticateApiKey(db: Db, presented: string | undefined): Promise<GatewayPrincipal> {
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

function touchLastUsed(db: Db, keyId: string) {
  const now = Date.now();
  if (now - (lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(keyId, now);
  // Off the response path: a slow database delays the timestamp, not the answer.
  db.apiKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
}

/** Tests only: forget cached lookups. */
export function clearApiKeyCache() {
  cache.clear();
  lastUsedWritten.clear();
}
