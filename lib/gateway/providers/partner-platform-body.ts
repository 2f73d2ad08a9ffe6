import {
  safeFetch,
  safeFetchDefaults,
  SafeFetchError,
  type SafeFetchOptions,
  type SafeFetchResult,
} from "@/lib/net/safe-fetch";
import { InvalidRequestError } from "../core/gateway-error";

export type MediaFetcher = (url: string, signal?: AbortSignal) => Promise<SafeFetchResult>;

/** Test seam: how media URLs are fetched (always through {@link safeFetch}'s checks), and the per-request limits. */
export type MediaFetchOptions = Pick<SafeFetchOptions, "resolve" | "dialAddress" | "maxBytes" | "timeoutMs"> &
  Partial<MediaLimits>;

/**
 * One request makes the gateway fetch at most `maxUrls` media URLs (a 400 beyond, before any is
 * fetched), `concurrency` at a time, and `maxTotalBytes` in all: a request cannot turn the
 * gateway into a download amplifier or hold hundreds of megabytes in memory.
 */
export type MediaLimits = { maxUrls: number; concurrency: number; maxTotalBytes: number };
export const mediaLimitDefaults: MediaLimits = { maxUrls: 20, concurrency: 4, maxTotalBytes: 50 * 1024 * 1024 };

const imageMediaTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"] as const;

type Block = Record<string, unknown> & { type?: unknown; source?: unknown; content?: unknown };

/**
 * A Messages body made acceptable to Amazon Bedrock or Vertex AI, which serve Anthropic's
 * format but not every source type:
 * - image / document `url` sources are fetched by the gateway (SSRF-safe, see lib/net) and sent
 *   as base64 — a documented downgrade, invisible to the client;
 * - Files API `file` sources and the MCP connector (`mcp_servers`) exist only on Anthropic's
 *   API: a 400 that names the provider, before anything is sent.
 * The body is not mutated; blocks without URL sources are passed through by reference.
 */
export async function prepareBodyForPartnerPlatform(
  body: Record<string, unknown>,
  options: { providerLabel: string; signal?: AbortSignal; media?: MediaFetchOptions },
): Promise<Record<string, unknown>> {
  const { providerLabel } = options;
  if (Array.isArray(body.mcp_servers) && body.mcp_servers.length > 0) {
    throw new InvalidRequestError(
      `${providerLabel} does not support the MCP connector (mcp_servers); use an anthropic/… model for it.`,
      {
        param: "mcp_servers",
        code: "unsupported_by_provider",
      },
    );
  }
  if (!Array.isArray(body.messages)) return body;
  const limits = { ...mediaLimitDefaults, ...options.media };
  const urls = countMediaUrls(body.messages);
  if (urls > limits.maxUrls) {
    throw new InvalidRequestError(
      `${providerLabel} does not take image or document URLs, so the gateway fetches them itself: at most ${limits.maxUrls} per request (this one has ${urls}). Send the rest as base64.`,
      { param: "messages", code: "too_many_media_urls" },
    );
  }
  const fetchMedia = urls === 0 ? unusedFetcher : boundedMediaFetcher(options.media, limits, providerLabel);
  const messages = await Promise.all(
    body.messages.map(async (message: unknown, messageIndex) => {
      if (!isRecord(message) || !Array.isArray(message.content)) return message;
      const content = await prepareBlocks(message.content, `messages[${messageIndex}].content`, {
        ...options,
        fetchMedia,
      });
      return content === message.content ? message : { ...message, content };
    }),
  );
  return { ...body, messages };
}

type PrepareContext = { providerLabel: string; signal?: AbortSignal; fetchMedia: MediaFetcher };

async function prepareBlocks(blocks: unknown[], path: string, context: PrepareContext): Promise<unknown[]> {
  let changed = false;
  const prepared = await Promise.all(
    blocks.map(async (block, index) => {
      const next = await prepareBlock(block, `${path}[${index}]`, context);
      if (next !== block) changed = true;
      return next;
    }),
  );
  return changed ? prepared : blocks;
}

async function prepareBlock(block: unknown, path: string, context: PrepareContext): Promise<unknown> {
  if (!isRecord(block)) return block;
  const typed = block as Block;
  // Tool results carry their own content blocks (images, documents).
  if (typed.type === "tool_result" && Array.isArray(typed.content)) {
    const content = await prepareBlocks(typed.content, `${path}.content`, context);
    return content === typed.content ? block : { ...typed, content };
  }
  if ((typed.type !== "image" && typed.type !== "document") || !isRecord(typed.source)) return block;
  const source = typed.source;
  if (source.type === "file") {
    throw new InvalidRequestError(
      `${context.providerLabel} does not support Files API sources (file_id); send the ${typed.type} as base64 or a URL, or use an anthropic/… model.`,
      { param: `${path}.source`, code: "unsupported_by_provider" },
    );
  }
  if (source.type !== "url" || typeof source.url !== "string") return block;
  const kind = typed.type;
  let fetched: SafeFetchResult;
  try {
    fetched = await context.fetchMedia(source.url, context.signal);
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    throw new InvalidRequestError(
      `${context.providerLabel} does not take ${kind} URLs, so the gateway fetches them itself, and it could not use this one: ${error.message}`,
      {
        param: `${path}.source.url`,
        code: error.reason === "blocked_address" ? "media_url_refused" : "media_url_unavailable",
      },
    );
  }
  const mediaType = kind === "image" ? imageMediaType(fetched) : pdfMediaType(fetched);
  if (!mediaType) {
    throw new InvalidRequestError(
      kind === "image"
        ? `${source.url} is not a JPEG, PNG, GIF or WebP image.`
        : `${source.url} is not a PDF document.`,
      { param: `${path}.source.url`, code: "unsupported_media_type" },
    );
  }
  return { ...typed, source: { type: "base64", media_type: mediaType, data: fetched.body.toString("base64") } };
}

/** The declared type when it is one Claude takes, else what the bytes say. */
function imageMediaType({ contentType, body }: SafeFetchResult): string | undefined {
  const declared = contentType?.split(";")[0]?.trim().toLowerCase();
  if (declared && (imageMediaTypes as readonly string[]).includes(declared)) return declared;
  if (body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return "image/jpeg";
  if (body.subarray(0, 4).toString("latin1") === "GIF8") return "image/gif";
  if (body.subarray(0, 4).toString("latin1") === "RIFF" && body.subarray(8, 12).toString("latin1") === "WEBP")
    return "image/webp";
  return undefined;
}

function pdfMediaType({ contentType, body }: SafeFetchResult): string | undefined {
  const declared = contentType?.split(";")[0]?.trim().toLowerCase();
  if (declared === "application/pdf" || body.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  return undefined;
}

const unusedFetcher: MediaFetcher = () => Promise.reject(new Error("no media URL to fetch"));

function isMediaUrlBlock(block: unknown): boolean {
  if (!isRecord(block) || (block.type !== "image" && block.type !== "document") || !isRecord(block.source))
    return false;
  return block.source.type === "url" && typeof block.source.url === "string";
}

/** URL sources in the messages, tool results included (the blocks prepareBlock fetches). */
function countMediaUrls(messages: unknown[]): number {
  let count = 0;
  for (const message of messages) {
    if (!isRecord(message) || !Array.isArray(message.content)) continue;
    for (const block of message.content) {
      if (isMediaUrlBlock(block)) count += 1;
      else if (isRecord(block) && block.type === "tool_result" && Array.isArray(block.content)) {
        for (const inner of block.content) if (isMediaUrlBlock(inner)) count += 1;
      }
    }
  }
  return count;
}

/** safeFetch, `concurrency` at a time, each allowed no more than what is left of the request's byte budget. */
function boundedMediaFetcher(
  fetchOptions: MediaFetchOptions | undefined,
  limits: MediaLimits,
  providerLabel: string,
): MediaFetcher {
  let running = 0;
  const waiting: Array<() => void> = [];
  let budget = limits.maxTotalBytes;
  const perUrlMax = fetchOptions?.maxBytes ?? safeFetchDefaults.maxBytes;
  const overBudget = () =>
    new InvalidRequestError(
      `${providerLabel} does not take image or document URLs, so the gateway fetches them itself: at most ${Math.round(limits.maxTotalBytes / (1024 * 1024))} MB per request. Send some as base64.`,
      { param: "messages", code: "media_too_large" },
    );
  return async (url, signal) => {
    if (running >= limits.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      if (budget <= 0) throw overBudget();
      const maxBytes = Math.min(perUrlMax, budget);
      let fetched: SafeFetchResult;
      try {
        fetched = await safeFetch(url, { ...fetchOptions, maxBytes, signal });
      } catch (error) {
        // Too large for what is left of the budget, though within the per-URL limit: the budget's 400.
        if (error instanceof SafeFetchError && error.reason === "too_large" && maxBytes < perUrlMax) throw overBudget();
        throw error;
      }
      budget -= fetched.body.byteLength;
      if (budget < 0) throw overBudget();
      return fetched;
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
