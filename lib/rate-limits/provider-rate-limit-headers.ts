import { formatResetDuration } from "./rate-limit-windows";

const DIMENSIONS = ["requests", "tokens"] as const;

/**
 * OpenAI's `x-ratelimit-*` headers read off a provider's answer: Anthropic reports its limits on
 * every response as `anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}` (reset an
 * RFC 3339 instant); OpenAI clients expect `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 * (reset a duration such as `6m0s`). A dimension the provider did not report is left out; the
 * key's own limits, where it has them, replace these (see withGatewayKey).
 */
export function openAIRateLimitHeadersFromProvider(
  headers: Headers | undefined,
  now = new Date(),
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const dimension of DIMENSIONS) {
    const limit = wholeNumber(headers.get(`anthropic-ratelimit-${dimension}-limit`));
    const remaining = wholeNumber(headers.get(`anthropic-ratelimit-${dimension}-remaining`));
    if (limit === undefined || remaining === undefined) continue;
    out[`x-ratelimit-limit-${dimension}`] = String(limit);
    out[`x-ratelimit-remaining-${dimension}`] = String(remaining);
    const resetsAt = Date.parse(headers.get(`anthropic-ratelimit-${dimension}-reset`) ?? "");
    if (Number.isFinite(resetsAt)) {
      out[`x-ratelimit-reset-${dimension}`] = formatResetDuration(
        Math.max(0, Math.ceil((resetsAt - now.getTime()) / 1000)),
      );
    }
  }
  return out;
}

/** The provider's own `anthropic-ratelimit-*` headers, for Anthropic SDK clients of /v1/messages. */
export function anthropicRateLimitHeaders(headers: Headers): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  headers.forEach((value, name) => {
    if (name.startsWith("anthropic-ratelimit-")) out.push([name, value]);
  });
  return out;
}

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
