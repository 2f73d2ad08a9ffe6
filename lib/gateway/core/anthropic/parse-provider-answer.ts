import { GatewayError } from "../gateway-error";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The least a complete answer must be to be passed through as a 200: a Messages API message
 * (its blocks are the client's to read), or a token count. Checked by hand, without validating
 * every block, so the passthrough stays cheap; anything else is the provider's failure, a 502.
 */
const shapes = {
  message: {
    accepts: (json: Json) => json.type === "message" && Array.isArray(json.content),
    description: "a Messages API message",
  },
  count_tokens: { accepts: (json: Json) => typeof json.input_tokens === "number", description: "a token count" },
} as const;

/** Parses a complete provider answer's text; 502 `invalid_upstream_response` unless it is JSON of the expected shape. */
export function parseProviderAnswer(text: string, expected: keyof typeof shapes): Record<string, unknown> {
  const { accepts, description } = shapes[expected];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidAnswer("The provider returned a response that is not JSON.", error);
  }
  if (!isObject(json) || !accepts(json))
    throw invalidAnswer(`The provider returned a response that is not ${description}.`, undefined);
  return json;
}

function invalidAnswer(message: string, cause: unknown) {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_response",
    message,
    anthropicType: "api_error",
    cause,
  });
}
