import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { hashApiKey } from "@/lib/api-keys/api-key-format";
import { getConfig } from "@/lib/env";

/**
 * The playground calls the gateway like any API client, with a gateway key of its own: one
 * per user, kind "playground", so the gateway's auth, routing and request log see the
 * signed-in user. Like every key only its SHA-256 is stored; the key itself is derived from
 * APP_SECRET and the row's random prefix whenever it is needed, so it is never written
 * anywhere, never shown, and revoking the row (or rotating APP_SECRET) retires it. It has no
 * limits of its own (nobody could change them): the gateway holds it to its user's limits,
 * which every key of the user shares (lib/rate-limits/check-key-limits.ts).
 */
export const PLAYGROUND_KEY_KIND = "playground";

function deriveKey(prefix: string, appSecret: string): string {
  const secret = createHmac("sha256", appSecret)
    .update(`switchyard playground gateway key\0${prefix}`)
    .digest("base64url");
  return `${prefix}-${secret}`;
}

// Concurrent requests of one user (compare columns) share one lookup, so a user's first compare
// creates one key, not one per column.
const inFlight = new Map<string, Promise<string>>();

/** One indexed read per turn; a turn is seconds long, so this is not worth caching. */
export function playgroundGatewayKey(db: Db, userId: string): Promise<string> {
  const pending = inFlight.get(userId);
  if (pending) return pending;
  const lookup = findOrCreateKey(db, userId).finally(() => inFlight.delete(userId));
  inFlight.set(userId, lookup);
  return lookup;
}

async function findOrCreateKey(db: Db, userId: string): Promise<string> {
  const { appSecret } = getConfig();
  const existing = await db.apiKey.findFirst({
    where: { userId, kind: PLAYGROUND_KEY_KIND, revokedAt: null },
    select: { prefix: true, keyHash: true },
    orderBy: { createdAt: "desc" },
  });
  let key: string;
  if (existing && hashApiKey(deriveKey(existing.prefix, appSecret)) === existing.keyHash) {
    key = deriveKey(existing.prefix, appSecret);
  } else {
    // None yet, or APP_SECRET changed since: retire the old one and make a new one.
    if (existing)
      await db.apiKey.updateMany({
        where: { userId, kind: PLAYGROUND_KEY_KIND, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    const prefix = `sy-${randomBytes(4).toString("hex")}`;
    key = deriveKey(prefix, appSecret);
    await db.apiKey.create({
      data: { name: "Playground (internal)", prefix, keyHash: hashApiKey(key), kind: PLAYGROUND_KEY_KIND, userId },
    });
  }
  return key;
}
