/**
 * Preloaded into a sample's process (`tsx --import`), before the sample runs: wraps the global
 * `fetch` the `openai` and `@anthropic-ai/sdk` clients use, and appends every exchange — what
 * the SDK sent and what it got back — as one JSON line to `$SAMPLE_EXCHANGE_LOG`. The sample's
 * code is untouched; this lets a test check what the client received even when the sample
 * prints nothing.
 */
import { appendFileSync } from "node:fs";

export type RecordedExchange = {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
};

const logPath = process.env.SAMPLE_EXCHANGE_LOG;
const originalFetch = globalThis.fetch;

if (logPath) {
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    // Headers only: the body is recorded as sent, and must not be consumed here.
    const request = new Request(input, { method: init?.method, headers: init?.headers });
    const response = await originalFetch(input, init);
    const observed = response.clone();
    void observed.text().then((responseBody) => {
      const exchange: RecordedExchange = {
        method: request.method,
        url: request.url,
        requestHeaders: Object.fromEntries(request.headers),
        requestBody: typeof init?.body === "string" ? init.body : null,
        status: response.status,
        responseHeaders: Object.fromEntries(response.headers),
        responseBody,
      };
      appendFileSync(logPath, `${JSON.stringify(exchange)}\n`);
    });
    return response;
  };
}
