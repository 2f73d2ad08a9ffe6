import { createHash, randomBytes } from "node:crypto";

// `sy-<8 hex>-<43 base64url>`: the first part is the visible, unique prefix; the
// rest is 256 random bits. Only the SHA-256 of the whole key is stored.

export function generateApiKey() {
  const prefix = `sy-${randomBytes(4).toString("hex")}`;
  const key = `${prefix}-${randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}
