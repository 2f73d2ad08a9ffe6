import { AppError } from "@/lib/errors/app-error";

/** What a UI API route accepts unless it says otherwise (JSON forms, settings, turns). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const mebibytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export function bodyTooLarge(maxBytes: number) {
  return new AppError("too_large", `request body is too large: at most ${mebibytes(maxBytes)} is accepted here`);
}

/**
 * A request's body, never holding more than `maxBytes`: a declared Content-Length over the limit
 * is refused before reading, and a chunked body is cancelled as soon as it passes the limit (the
 * rest is never read). 413 either way.
 */
export async function readBody(request: Request, { maxBytes = DEFAULT_MAX_BODY_BYTES } = {}): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new AppError("invalid_input", "the request body could not be read");
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks, size);
}

/** A JSON body of at most `maxBytes` (1 MB by default): 413 when larger, 400 when not JSON. */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  const text = (await readBody(request, options)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "request body must be valid JSON");
  }
}

/** A multipart/form-data body of at most `maxBytes`, parsed only once it is known to fit. */
export async function readFormData(request: Request, options: { maxBytes: number }): Promise<FormData> {
  const body = await readBody(request, options);
  try {
    return await new Response(new Uint8Array(body), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    throw new AppError("invalid_input", "The upload could not be read; try again.");
  }
}
