/**
 * A provider's HTTP error as the provider answered it. Anthropic-native endpoints answer with
 * it unchanged (529 stays 529, with `retry-after` and `x-should-retry`), so an Anthropic SDK's
 * own retries and Claude Code's fallbacks behave as against Anthropic directly. OpenAI-shaped
 * endpoints ignore it and keep the mapped GatewayError.
 */
export type NativeUpstreamError = {
  status: number;
  /** Anthropic's `error.type`: the provider's own when its body is Anthropic's envelope. */
  type: string;
  message: string;
  requestId: string | null;
  /** The headers that drive a client's retries, as the provider sent them. */
  headers: Record<string, string>;
};

const PASSED_THROUGH = ["request-id", "retry-after", "x-should-retry"];
const RATE_LIMIT_PREFIX = "anthropic-ratelimit-";

/** The retry-relevant headers of an upstream error answer (never a credential or URL). */
export function pickNativeErrorHeaders(headers: Pick<Headers, "get" | "forEach">): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  headers.forEach((value, name) => {
    if (name.toLowerCase().startsWith(RATE_LIMIT_PREFIX)) picked[name.toLowerCase()] = value;
  });
  return picked;
}
