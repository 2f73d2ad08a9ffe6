import { InvalidRequestError } from "../gateway-error";
import { extendedCacheTtlBeta, type AnthropicCacheControl, type AnthropicMessagesRequest } from "./anthropic-request";

export const maximumCacheBreakpoints = 4;

/**
 * Anthropic's cache rules, checked before anything is sent: at most 4 breakpoints across
 * tools, system and messages (in that prompt order), and every `ttl: "1h"` breakpoint must come
 * before any 5-minute one. Returns whether the 1-hour TTL beta header is needed.
 * @see https://platform.claude.com/docs/en/build-with-claude/prompt-caching#mixing-different-ttls
 */
export function validateCacheBreakpoints(request: Pick<AnthropicMessagesRequest, "tools" | "system" | "messages">): {
  needsExtendedCacheTtl: boolean;
} {
  const breakpoints: Array<{ cacheControl: AnthropicCacheControl; location: string }> = [];
  request.tools?.forEach((tool, index) => {
    if (tool.cache_control) breakpoints.push({ cacheControl: tool.cache_control, location: `tools[${index}]` });
  });
  request.system?.forEach((block, index) => {
    if (block.cache_control) breakpoints.push({ cacheControl: block.cache_control, location: `system[${index}]` });
  });
  request.messages.forEach((message, messageIndex) => {
    message.content.forEach((block, blockIndex) => {
      if ("cache_control" in block && block.cache_control) {
        breakpoints.push({
          cacheControl: block.cache_control,
          location: `messages[${messageIndex}].content[${blockIndex}]`,
        });
      }
    });
  });

  if (breakpoints.length > maximumCacheBreakpoints) {
    throw new InvalidRequestError(
      `A request may have at most ${maximumCacheBreakpoints} cache_control breakpoints across tools, system and messages; this one has ${breakpoints.length}.`,
      { param: "cache_control", code: "too_many_cache_breakpoints" },
    );
  }

  let firstShortTtlLocation: string | undefined;
  for (const { cacheControl, location } of breakpoints) {
    const ttl = cacheControl.ttl ?? "5m";
    if (ttl === "5m") firstShortTtlLocation ??= location;
    if (ttl === "1h" && firstShortTtlLocation) {
      throw new InvalidRequestError(
        `cache_control breakpoints with ttl "1h" must come before those with ttl "5m" (prompt order: tools, system, messages); the 1h breakpoint at ${location} follows the 5m one at ${firstShortTtlLocation}.`,
        { param: "cache_control.ttl", code: "cache_ttl_order" },
      );
    }
  }
  return { needsExtendedCacheTtl: breakpoints.some(({ cacheControl }) => cacheControl.ttl === "1h") };
}

/** A translated request with the betas its cache breakpoints need; throws when they are invalid. */
export function withCacheBetas(request: AnthropicMessagesRequest): {
  request: AnthropicMessagesRequest;
  betas: string[];
} {
  const { needsExtendedCacheTtl } = validateCacheBreakpoints(request);
  return { request, betas: needsExtendedCacheTtl ? [extendedCacheTtlBeta] : [] };
}
