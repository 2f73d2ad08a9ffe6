import type {
  AttachmentMeta,
  CacheMark,
  CacheTtl,
  MessagePart,
  PlaygroundSettings,
} from "@/lib/conversations/document/conversation-document";

export const maximumCacheBreakpoints = 4;

export type CacheBreakpoint = {
  /** Where it is, for people: "System prompt", "Message 3", "Attachment chart.png (message 1)". */
  label: string;
  ttl: CacheTtl;
  /** Rough size of the prompt up to and including this breakpoint (≈ 4 characters a token). */
  estimatedPrefixTokens: number;
};

export type CacheCheck = {
  breakpoints: CacheBreakpoint[];
  /** Problems that stop a send: too many breakpoints, a 1h one after a 5m one. */
  errors: string[];
  /** Breakpoints whose prefix looks too short to be cached. */
  warnings: string[];
};

type MessageLike = { role: string; parts: readonly MessagePart[]; cache: CacheMark | null };

/** Rough token count of a part: text ≈ 4 characters a token; images and PDF pages at Anthropic's typical sizes. */
function estimatePartTokens(part: MessagePart, attachments: ReadonlyMap<string, AttachmentMeta>): number {
  switch (part.type) {
    case "text":
      return Math.ceil(part.text.length / 4);
    case "reasoning":
      return Math.ceil(part.text.length / 4);
    case "redacted_reasoning":
      return Math.ceil(part.data.length / 4);
    case "tool_call":
      return Math.ceil((part.name.length + part.arguments.length) / 4);
    case "tool_result":
      return Math.ceil(part.content.length / 4);
    case "attachment": {
      const attachment = attachments.get(part.attachmentId);
      if (attachment?.kind === "pdf") return 1_500 * (attachment.pageCount ?? 1);
      return 1_600;
    }
    default: {
      const exhaustive: never = part;
      return exhaustive;
    }
  }
}

/**
 * The conversation's cache breakpoints in prompt order (tools, system, messages), checked
 * against Anthropic's rules before anything is sent: at most 4, and every 1h breakpoint before
 * any 5m one. A breakpoint whose prefix is below the model's minimum cacheable length is a
 * warning: the request works, it just is not cached.
 * @see https://platform.claude.com/docs/en/build-with-claude/prompt-caching
 */
export function checkCacheBreakpoints(input: {
  settings: Pick<PlaygroundSettings, "systemPrompt" | "systemCache" | "tools">;
  messages: readonly MessageLike[];
  attachments: ReadonlyMap<string, AttachmentMeta>;
  minimumCacheableTokens: number;
}): CacheCheck {
  const breakpoints: CacheBreakpoint[] = [];
  let prefixTokens =
    Math.ceil(JSON.stringify(input.settings.tools).length / 4) * (input.settings.tools.length > 0 ? 1 : 0);
  prefixTokens += Math.ceil(input.settings.systemPrompt.length / 4);
  if (input.settings.systemCache && input.settings.systemPrompt.trim() !== "") {
    breakpoints.push({
      label: "System prompt",
      ttl: input.settings.systemCache.ttl,
      estimatedPrefixTokens: prefixTokens,
    });
  }
  input.messages.forEach((message, index) => {
    for (const part of message.parts) {
      prefixTokens += estimatePartTokens(part, input.attachments);
      if (part.type === "attachment" && part.cache) {
        const name = input.attachments.get(part.attachmentId)?.fileName ?? "attachment";
        breakpoints.push({
          label: `${name} (message ${index + 1})`,
          ttl: part.cache.ttl,
          estimatedPrefixTokens: prefixTokens,
        });
      }
    }
    if (message.cache)
      breakpoints.push({ label: `Message ${index + 1}`, ttl: message.cache.ttl, estimatedPrefixTokens: prefixTokens });
  });

  const errors: string[] = [];
  if (breakpoints.length > maximumCacheBreakpoints) {
    errors.push(
      `At most ${maximumCacheBreakpoints} cache breakpoints per request; remove ${breakpoints.length - maximumCacheBreakpoints}.`,
    );
  }
  const firstFiveMinute = breakpoints.find((breakpoint) => breakpoint.ttl === "5m");
  const lateHour =
    firstFiveMinute &&
    breakpoints.slice(breakpoints.indexOf(firstFiveMinute)).find((breakpoint) => breakpoint.ttl === "1h");
  if (firstFiveMinute && lateHour) {
    errors.push(
      `1h breakpoints must come before 5m ones: "${lateHour.label}" (1h) follows "${firstFiveMinute.label}" (5m).`,
    );
  }
  const warnings = breakpoints
    .filter((breakpoint) => breakpoint.estimatedPrefixTokens < input.minimumCacheableTokens)
    .map(
      (breakpoint) =>
        `"${breakpoint.label}": the prompt up to here is ≈${breakpoint.estimatedPrefixTokens.toLocaleString("en-US")} tokens, below this model's minimum of ${input.minimumCacheableTokens.toLocaleString("en-US")}; it will not be cached.`,
    );
  return { breakpoints, errors, warnings };
}
