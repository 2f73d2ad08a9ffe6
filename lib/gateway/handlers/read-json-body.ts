import { getConfig } from "@/lib/env";
import { InvalidRequestError } from "../core/gateway-error";
import { requestTooLarge, type GatewayRequest } from "../core/http/gateway-request";
import { exceedsJsonNesting, MAX_JSON_NESTING } from "../core/http/json-nesting";

/**
 * Reads a JSON body without ever holding more than `maxBytes` (default: GATEWAY_MAX_BODY_MB):
 * a declared Content-Length over the limit is refused before reading, and a chunked body is
 * cut off as soon as it passes the limit. JSON nested deeper than {@link MAX_JSON_NESTING} is
 * refused before it is parsed, so nothing after this (validation, the log) meets it.
 */
export async function readJsonBody(request: GatewayRequest, maxBytes = getConfig().maxBodyBytes): Promise<unknown> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw requestTooLarge(maxBytes);
  const text = (await request.readBody(maxBytes)).toString("utf8");
  if (!text.trim()) throw new InvalidRequestError("Request body is empty: send a JSON object.");
  if (exceedsJsonNesting(text)) {
    throw new InvalidRequestError(
      `The JSON body of your request nests objects or arrays deeper than ${MAX_JSON_NESTING} levels.`,
      { code: "json_too_deep" },
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidRequestError("We could not parse the JSON body of your request: it is not valid JSON.");
  }
}
