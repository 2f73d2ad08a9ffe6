/** The environment variable every snippet reads the gateway API key from. */
export const API_KEY_ENV_VAR = "SWITCHYARD_API_KEY";

/** The gateway's OpenAI-compatible base path; the SDKs append `/chat/completions` or `/v1/messages`. */
export const ROUTER_BASE_PATH = "/v3/router";

export type ViewCodeOptions = {
  /** The gateway's origin as clients reach it, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** Keep attachments, signatures and redacted thinking whole (runnable) instead of abbreviated (readable). */
  includeFullBase64?: boolean;
  /** Overrides the request's own `stream`. */
  stream?: boolean;
  /** Base64 values longer than this are abbreviated unless `includeFullBase64`. */
  abbreviateOver?: number;
};

export type SnippetId = "curl" | "openai-typescript" | "openai-python" | "anthropic-typescript";
export type SnippetLanguage = "bash" | "typescript" | "python";

type SnippetCommon = {
  id: SnippetId;
  /** Tab label, e.g. "TypeScript (openai)". */
  label: string;
  language: SnippetLanguage;
};

/** A ready-to-run program, or why this request cannot be expressed in that client. */
export type Snippet = (SnippetCommon & { code: string }) | (SnippetCommon & { code: null; unavailableReason: string });

export type ViewCodeResult =
  | {
      ok: true;
      snippets: Snippet[];
      /** How many values were abbreviated (0 when `includeFullBase64` or nothing was large). */
      abbreviatedValues: number;
      /** Set when the gateway would answer this request with a 400: its message. */
      gatewayRejects?: string;
    }
  | { ok: false; error: string };
