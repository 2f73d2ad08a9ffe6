export type Attempt = {
  model: string;
  status: number;
  latencyMs: number;
  /** Error code or type when the attempt failed. */
  error?: string;
};

export const ATTEMPTS_HEADER = "x-switchyard-attempts";
export const SERVED_MODEL_HEADER = "x-switchyard-model";

/** Longest header value formatAttemptsHeader writes; attempts past it are counted, not listed. */
export const MAX_ATTEMPTS_HEADER_LENGTH = 4096;
/** Longest model id or error the header repeats, escaped (model ids are validated to 256 characters anyway). */
const MAX_FIELD_LENGTH = 300;

/**
 * `anthropic/claude-sonnet-4-6;status=529;ms=12;error=overloaded_error, aws/…;status=200;ms=340`.
 * Always a valid header value of bounded length, whatever the ids hold: model ids are validated
 * before any attempt, but a header that throws or grows with its input would turn any slip into
 * a 500 or a 100 KB header.
 */
export function formatAttemptsHeader(attempts: Attempt[]): string {
  let header = "";
  for (const [index, attempt] of attempts.entries()) {
    const entry = [
      headerSafe(attempt.model),
      `status=${attempt.status}`,
      `ms=${Math.round(attempt.latencyMs)}`,
      ...(attempt.error ? [`error=${headerSafe(attempt.error)}`] : []),
    ].join(";");
    const next = header ? `${header}, ${entry}` : entry;
    if (next.length > MAX_ATTEMPTS_HEADER_LENGTH)
      return `${header}${header ? ", " : ""}+${attempts.length - index} more`;
    header = next;
  }
  return header;
}

/** Visible ASCII only, without the header's own separators (anything else %-escaped as UTF-8), cut short. */
function headerSafe(field: string): string {
  const escaped = field
    .slice(0, MAX_FIELD_LENGTH)
    .replace(/[^\x21-\x7e]|[%,;]/gu, (char) =>
      Array.from(utf8.encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
    );
  return escaped.length > MAX_FIELD_LENGTH || field.length > MAX_FIELD_LENGTH
    ? `${escaped.slice(0, MAX_FIELD_LENGTH)}...`
    : escaped;
}

const utf8 = new TextEncoder();
