import { getConfig } from "@/lib/env";
import { GatewayError, InvalidRequestError } from "../gateway-error";

function tooLarge(maxBytes: number) {
  const megabytes = Number((maxBytes / 1024 / 1024).toFixed(2));
  return new GatewayError({
    status: 413,
    type: "invalid_request_error",
    code: "request_too_large",
    message: `Request body is larger than this gateway's limit of ${megabytes} MB.`,
    anthropicType: "request_too_large",
  });
}

/**
 * Reads a JSON body without ever holding more than `maxBytes` (default: GATEWAY_MAX_BODY_MB):
 * a declared Content-Length over the limit is refused before reading, and a chunked body is
 * cut off as soon as it passes the limit.
 */
export async function readJsonBody(request: Request, maxBytes = getConfig().maxBodyBytes): Promise<unknown> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) throw new InvalidRequestError("Request body is empty: send a JSON object.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidRequestError(
      text.trim() ? "We could not parse the JSON body of your request: it is not valid JSON." : "Request body is empty: send a JSON object.",
    );
  }
}
