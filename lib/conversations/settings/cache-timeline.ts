import type { CacheTtl, StoredMessage } from "@/lib/conversations/document/conversation-document";

const TTL_MS: Record<CacheTtl, number> = { "5m": 5 * 60_000, "1h": 60 * 60_000 };

export type CacheTimelineEntry = {
  label: string;
  ttl: CacheTtl;
  /** When the request that last wrote or read this breakpoint started. */
  lastUsedAt: string;
  /** Each read or write refreshes the entry for another TTL. */
  expiresAt: string;
};

/**
 * When each breakpoint's cache entry expires: TTL after the last turn that sent it (every hit
 * refreshes the entry). Turns that failed before reaching the model do not count.
 */
export function cacheTimeline(messages: readonly StoredMessage[]): CacheTimelineEntry[] {
  const latest = new Map<string, CacheTimelineEntry>();
  for (const message of messages) {
    if (message.role !== "assistant" || !message.request || !message.metrics?.usage) continue;
    const startedAt = Date.parse(message.metrics.startedAt);
    for (const breakpoint of message.request.cacheBreakpoints) {
      latest.set(`${breakpoint.label}|${breakpoint.ttl}`, {
        label: breakpoint.label,
        ttl: breakpoint.ttl,
        lastUsedAt: message.metrics.startedAt,
        expiresAt: new Date(startedAt + TTL_MS[breakpoint.ttl]).toISOString(),
      });
    }
  }
  return [...latest.values()].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}
