import type { KeyLimitsView } from "@/lib/rate-limits/key-limits";

/** What any API or screen may show of a key: never the key or its hash. */
export const API_KEY_VIEW_SELECT = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  rpmLimit: true,
  tpmLimit: true,
  monthlyBudgetMicros: true,
  logBodies: true,
  user: { select: { email: true } },
} as const;

type Row = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rpmLimit: number | null;
  tpmLimit: number | null;
  monthlyBudgetMicros: bigint | null;
  logBodies: boolean;
  user: { email: string };
};

export type ApiKeyStatus = "active" | "revoked" | "expired";
export type ApiKeyView = ReturnType<typeof toApiKeyView>;

export function apiKeyStatus(row: Pick<Row, "revokedAt" | "expiresAt">, now = new Date()): ApiKeyStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export function toApiKeyView(row: Row) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner: row.user.email,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: apiKeyStatus(row),
    limits: {
      requestsPerMinute: row.rpmLimit,
      tokensPerMinute: row.tpmLimit,
      monthlyBudgetUsd: row.monthlyBudgetMicros === null ? null : Number(row.monthlyBudgetMicros) / 1e6,
      logBodies: row.logBodies,
    } satisfies KeyLimitsView,
  };
}
