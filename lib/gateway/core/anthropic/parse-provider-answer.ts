import { z } from "zod";
import { GatewayError } from "../gateway-error";

/**
 * The least a complete answer must be to be passed through as a 200: a Messages API message
 * (its blocks are the client's to read), or a token count. Checked without validating every
 * block, so the passthrough stays cheap; anything else is the provider's failure, a 502.
 */
const messageShape = z.looseObject({ type: z.literal("message"), content: z.array(z.unknown()) });
const countTokensShape = z.looseObject({ input_tokens: z.number() });

const shapes = {
  message: { schema: messageShape, description: "a Messages API message" },
  count_tokens: { schema: countTokensShape, description: "a token count" },
} as const;

/** Parses a complete provider answer's text; 502 `invalid_upstream_response` unless it is JSON of the expected shape. */
export function parseProviderAnswer(text: string, expected: keyof typeof shapes): Record<string, unknown> {
  const { schema, description } = shapes[expected];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidAnswer("The provider returned a response that is not JSON.", error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw invalidAnswer(`The provider returned a response that is not ${description}.`, parsed.error);
  return json as Record<string, unknown>;
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
