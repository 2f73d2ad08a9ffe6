import { createHash, randomBytes } from "node:crypto";

/**
 * Share tokens: 192 random bits (above the 128 the issue asks for), base64url, so 32 URL-safe
 * characters. Nothing about them derives from the session id; they are looked up by hash.
 */
const TOKEN_BYTES = 24;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function generateShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before touching the database: anything else is simply "not found". */
export function isWellFormedShareToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function sharePath(token: string): string {
  return `/s/${token}`;
}
