/**
 * What body logging may store of a request or response: JSON with every base64 payload
 * (images, PDFs, data: URLs) replaced by a short note, anything shaped like a secret (provider
 * or gateway keys, AWS secret keys, passwords, bearer tokens, private keys) redacted, and the
 * whole capped in size. Pure, and never throws: storing a body is optional, the log row is not.
 */
export const MAX_LOGGED_BODY_CHARS = 64 * 1024;

/** Deeper values are stored as a note: the gateway refuses JSON past 128 levels, so only odd internal values get here. */
export const MAX_LOGGED_BODY_DEPTH = 160;

/** Stored instead of a body that could not be serialized. */
export const BODY_NOT_STORED = "[body not stored: it could not be serialized]";

/** Strings this long made only of base64 characters are payloads, not prose. */
const BASE64_MIN_CHARS = 512;
const BASE64_ONLY = /^[A-Za-z0-9+/=_\r\n-]+$/;
const DATA_URL = /^data:([\w.+/-]+)?(;[\w=.-]+)*;base64,/;

/** A quoted value, plain or inside JSON text held in a string (`\"…\"`), or a bare word. */
const ASSIGNED_VALUE = String.raw`(?:\\"(?:[^"\\]|\\(?!"))*\\"|"[^"]*"|'[^']*'|[^\s"'\\&,;}\]]+)`;
/** `name=`, `name: `, `"name": `, `\"name\": ` — the separator between a field name and its value. */
const ASSIGNMENT = String.raw`(?:\\?["'])?[ \t]{0,8}[:=][ \t]{0,8}`;

/** Secrets found in text, with what replaces them (`$1`: a kept prefix, the field name). */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  // Anthropic keys, OpenAI-style keys, Switchyard gateway keys.
  [/sk-ant-[A-Za-z0-9_-]{8,}/g, "[redacted]"],
  [/\bsk-[A-Za-z0-9_-]{16,}/g, "[redacted]"],
  [/\bsy-[0-9a-f]{8}-[A-Za-z0-9_-]{20,}/g, "[redacted]"],
  // PEM private keys (a Google service account's `private_key`), also cut off or with `\n` escapes.
  [/-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]{0,20}PRIVATE KEY-----|$)/g, "[redacted]"],
  // Bearer tokens: long ones, and shorter ones that are not a word (a digit or a symbol in them).
  [
    /\bBearer[ \t]{1,8}(?:[A-Za-z0-9._~+/-]{20,}|(?=[A-Za-z]*[0-9._~+/-])[A-Za-z0-9._~+/-]{8,})=*/gi,
    "Bearer [redacted]",
  ],
  // JSON Web Tokens, with or without a Bearer in front.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, "[redacted]"],
  // AWS access key ids, and secret access keys: after their name, or alone as the 40-character
  // mixed-case token they are (a hex hash is lowercase).
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, "[redacted]"],
  [new RegExp(String.raw`\b((?:aws_?)?secret_?(?:access_?)?key${ASSIGNMENT})${ASSIGNED_VALUE}`, "gi"), "$1[redacted]"],
  [
    /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    "[redacted]",
  ],
  // password=…, password: …, "password": "…" inside text.
  [new RegExp(String.raw`\b((?:password|passwd|passphrase)${ASSIGNMENT})${ASSIGNED_VALUE}`, "gi"), "$1[redacted]"],
];

/** Object keys whose values are never stored, whatever they hold. */
const SECRET_KEYS = new Set([
  "api_key",
  "apikey",
  "x-api-key",
  "authorization",
  "password",
  "passwd",
  "secret",
  "client_secret",
  "access_token",
  "refresh_token",
  "id_token",
  "private_key",
  "aws_secret_access_key",
  "secret_access_key",
  "secretaccesskey",
  "session_token",
  "sessiontoken",
]);

function elideString(value: string): string {
  if (DATA_URL.test(value)) return `[base64 elided: ${value.length} chars]`;
  if (value.length >= BASE64_MIN_CHARS && BASE64_ONLY.test(value)) return `[base64 elided: ${value.length} chars]`;
  let redacted = value;
  for (const [pattern, replacement] of SECRET_PATTERNS) redacted = redacted.replace(pattern, replacement);
  return redacted;
}

export function elideValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return elideString(value);
  if (typeof value === "bigint") return value.toString();
  if (!value || typeof value !== "object") return value;
  if (depth >= MAX_LOGGED_BODY_DEPTH) return `[nested deeper than ${MAX_LOGGED_BODY_DEPTH} levels: not stored]`;
  if (Array.isArray(value)) return value.map((child) => elideValue(child, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] = SECRET_KEYS.has(key.toLowerCase()) ? "[redacted]" : elideValue(child, depth + 1);
  }
  return result;
}

/**
 * The stored form of a body: elided JSON text, truncated with a marker past the cap. A body that
 * cannot be serialized (a cycle, a getter that throws) is stored as {@link BODY_NOT_STORED}.
 */
export function bodyForLog(body: unknown): string | null {
  if (body === undefined) return null;
  let text: string;
  try {
    text = typeof body === "string" ? elideString(body) : (JSON.stringify(elideValue(body)) ?? "null");
  } catch {
    return BODY_NOT_STORED;
  }
  if (text.length <= MAX_LOGGED_BODY_CHARS) return text;
  return `${text.slice(0, MAX_LOGGED_BODY_CHARS)}\n[truncated: ${text.length} chars in all]`;
}
