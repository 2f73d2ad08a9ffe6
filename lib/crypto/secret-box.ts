import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for provider secrets at rest. The key is derived from APP_SECRET
 * with HKDF; every sealed value names its format version and the key it was
 * sealed with, so a rotated APP_SECRET is detected (not mis-decrypted) and
 * `switchyard secrets rotate` can re-seal under the new key.
 *
 * Format: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 */
const VERSION = "v1";

export type SecretKey = { id: string; key: Buffer };

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function deriveSecretKey(appSecret: string): SecretKey {
  const key = Buffer.from(hkdfSync("sha256", appSecret, "switchyard", "provider-credentials/v1", 32));
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 12), key };
}

/** `context` (e.g. the row id) is authenticated too: a sealed value copied to another row will not open. */
export function seal(plaintext: string, secretKey: SecretKey, context = ""): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey.key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, secretKey.id, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function sealedKeyId(sealed: string): string | undefined {
  const [version, keyId] = sealed.split(".");
  return version === VERSION ? keyId : undefined;
}

export function open(sealed: string, secretKey: SecretKey, context = ""): string {
  const [version, keyId, iv, ciphertext, tag] = sealed.split(".");
  if (version !== VERSION || !keyId || !iv || ciphertext === undefined || !tag) {
    throw new SecretBoxError("stored secret is not in a format this version understands");
  }
  if (keyId !== secretKey.id) {
    throw new SecretBoxError(
      "stored secret was encrypted with a different APP_SECRET; restore the old APP_SECRET or run `switchyard secrets rotate`",
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", secretKey.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("stored secret failed its integrity check (tampered, or sealed for another record)");
  }
}
