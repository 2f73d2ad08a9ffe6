/**
 * What body logging may store of a request or response: JSON with every base64 payload
 * (images, PDFs, data: URLs) replaced by a short note, anything shaped like a secret (provider
 * or gateway keys) redacted, and the whole capped in size. Pure.
 */
export const MAX_LOGGED_BODY_CHARS = 64 * 1024;

/** Strings this long made only of base64 characters are payloads, not prose. */
const BASE64_MIN_CHARS = 512;
const BASE64_ONLY = /^[A-Za-z0-9+/=_\r\n-]+$/;
const DATA_URL = /^data:([\w.+/-]+)?(;[\w=.-]+)*;base64,/;
/** Anthropic keys, OpenAI-style keys, Switchyard gateway keys, bearer tokens, AWS access keys. */
const SECRET_PATTERNS = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /\bsy-[0-9a-f]{8}-[A-Za-z0-9_-]{20,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/gi,
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g,
];
/** Object keys whose values are never stored, whatever they hold. */
const SECRET_KEYS = new Set([
  "api_key",
  "apikey",
  "x-api-key",
  "authorization",
  "password",
  "secret",
  "access_token",
  "refresh_token",
]);

function elideString(value: string): string {
  if (DATA_URL.test(value)) return `[base64 elided: ${value.length} chars]`;
  if (value.length >= BASE64_MIN_CHARS && BASE64_ONLY.test(value)) return `[base64 elided: ${value.length} chars]`;
  let redacted = value;
  for (const pattern of SECRET_PATTERNS) redacted = redacted.replace(pattern, "[redacted]");
  return redacted;
}

export function elideValue(value: unknown): unknown {
  if (typeof value === "string") return elideString(value);
  if (Array.isArray(value)) return value.map(elideValue);
  if (value && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      result[key] = SECRET_KEYS.has(key.toLowerCase()) ? "[redacted]" : elideValue(child);
    }
    return result;
  }
  return value;
}

/** The stored form of a body: elided JSON text, truncated with a marker past the cap. */
export function bodyForLog(body: unknown): string | null {
  if (body === undefined) return null;
  const text = typeof body === "string" ? elideString(body) : JSON.stringify(elideValue(body));
  if (text.length <= MAX_LOGGED_BODY_CHARS) return text;
  return `${text.slice(0, MAX_LOGGED_BODY_CHARS)}\n[truncated: ${text.length} chars in all]`;
}
