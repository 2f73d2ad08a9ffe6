import { GatewayError } from "../../core/gateway-error";

/** GET {baseUrl}/models: the cheapest call that proves an OpenAI-compatible gateway accepts the key. */
export async function listOpenAICompatibleModels(options: {
  baseUrl: string;
  apiKey: string;
  name: string;
  signal?: AbortSignal;
}) {
  let response: Response;
  try {
    response = await fetch(`${options.baseUrl.replace(/\/+$/, "")}/models`, {
      headers: { authorization: `Bearer ${options.apiKey}` },
      signal: options.signal,
    });
  } catch (error) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "provider_connection_failed",
      message: `Could not reach the gateway of credential "${options.name}": ${(error as Error).message}`,
      cause: error,
    });
  }
  if (!response.ok) {
    throw new GatewayError({
      status: response.status === 401 || response.status === 403 ? 502 : response.status,
      type: "upstream_error",
      code: response.status === 401 || response.status === 403 ? "provider_authentication_failed" : "provider_error",
      message: `The gateway of credential "${options.name}" answered ${response.status}.`,
    });
  }
  await response.body?.cancel();
}
