import { capitalizeSentenceStart } from "@/lib/format/sentence-start";

/** An error answered by our JSON API (`{"error":{"code","message","param"?}}`), or a network failure. */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; param?: string } };

/** Calls our own JSON API from the browser (same origin, so the session cookie and Origin go along). */
export async function requestJson<T>(
  path: string,
  options: { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers: options.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
    });
  } catch {
    throw new ApiRequestError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as (T & ErrorBody) | undefined;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiRequestError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`.replace(" .", "."),
      error?.param,
    );
  }
  return body as T;
}

/** The message to show for a failed request: the API's own words, without a repeated `param: ` prefix. */
export function errorMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : "Something went wrong.";
  if (error instanceof ApiRequestError && error.param && message.startsWith(`${error.param}: `)) {
    message = message.slice(error.param.length + 2);
  }
  return capitalizeSentenceStart(message);
}

/** The field a failed request blames, if any. */
export function errorParam(error: unknown): string | undefined {
  return error instanceof ApiRequestError ? error.param : undefined;
}
