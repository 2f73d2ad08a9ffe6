import { z } from "zod";
import type { Db } from "@/lib/db";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { AppError } from "@/lib/errors/app-error";
import { generateApiKey } from "./api-key-format";
import { inheritedKeyLimits } from "@/lib/users/user-limits";
import { API_KEY_VIEW_SELECT, toApiKeyView } from "./api-key-view";
import { membersMayCreateKeys } from "./key-creation-policy";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "give the key a name").max(100),
  expiresAt: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() > Date.now(), "expiry must be in the future")
    .nullish(),
});

/**
 * Creates a key for `ownerId`; the plaintext key is in the result and nowhere else, ever. The
 * key starts with its owner's limits. Members may create keys only while an admin allows it.
 */
export async function createApiKey(db: Db, ownerId: string, input: unknown, creator: SignedInUser | "operator") {
  if (creator !== "operator" && creator.role !== "admin" && !(await membersMayCreateKeys(db))) {
    throw new AppError("forbidden", "an admin has turned off creating API keys for members: ask an admin for one");
  }
  const { name, expiresAt } = createApiKeyInput.parse(input);
  const { key, prefix, keyHash } = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      name,
      prefix,
      keyHash,
      userId: ownerId,
      expiresAt: expiresAt ?? null,
      ...(await inheritedKeyLimits(db, ownerId)),
    },
    select: API_KEY_VIEW_SELECT,
  });
  return { key, apiKey: toApiKeyView(row) };
}

/** Admins see every key; members their own. Newest first. */
export async function listApiKeys(db: Db, viewer: SignedInUser | "operator") {
  const rows = await db.apiKey.findMany({
    // The playground's internal per-user keys are the app's own, not the user's to manage.
    where: { kind: "user", ...(viewer === "operator" || viewer.role === "admin" ? {} : { userId: viewer.id }) },
    select: API_KEY_VIEW_SELECT,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toApiKeyView);
}

/** Revokes by id or visible prefix. Members may revoke only their own keys. */
export async function revokeApiKey(db: Db, idOrPrefix: string, viewer: SignedInUser | "operator") {
  const key = await db.apiKey.findFirst({
    where: { OR: [{ id: idOrPrefix }, { prefix: idOrPrefix }] },
    select: { id: true, userId: true, revokedAt: true },
  });
  if (!key || (viewer !== "operator" && viewer.role !== "admin" && key.userId !== viewer.id)) {
    throw new AppError("not_found", `no API key ${idOrPrefix}`);
  }
  const row = key.revokedAt
    ? await db.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: API_KEY_VIEW_SELECT })
    : await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: API_KEY_VIEW_SELECT });
  return toApiKeyView(row);
}
