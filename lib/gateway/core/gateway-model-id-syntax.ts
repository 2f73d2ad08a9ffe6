/**
 * What a model id sent to the gateway (`model`, `fallbacks[].model`) may look like: at most
 * {@link MAX_GATEWAY_MODEL_ID_LENGTH} characters, each a letter, digit or one of `. _ : @ / + -`.
 * Every id in the catalog and every provider's id form fits (`aws/anthropic/us.anthropic.claude-…-v1:0`,
 * `google/anthropic/claude-opus-4-5@20251101`), and such an id is safe to repeat in a response
 * header or an error message. Documented in docs/providers.md.
 */
export const MAX_GATEWAY_MODEL_ID_LENGTH = 256;
const MODEL_ID_CHAR = /[A-Za-z0-9._:@/+-]/;
const MODEL_ID = /^[A-Za-z0-9._:@/+-]+$/;

/** Why `id` is not a well-formed model id (without repeating it), or undefined when it is one. */
export function gatewayModelIdProblem(id: string): string | undefined {
  if (id.length === 0) return "it is empty";
  if (id.length > MAX_GATEWAY_MODEL_ID_LENGTH)
    return `it is ${id.length} characters long, and model ids have at most ${MAX_GATEWAY_MODEL_ID_LENGTH}`;
  if (MODEL_ID.test(id)) return undefined;
  const index = [...id].findIndex((char) => !MODEL_ID_CHAR.test(char));
  const char = [...id][index]!;
  return (
    `it has ${describeChar(char)} at position ${index + 1}; ` +
    "model ids use only letters, digits and the characters . _ : @ / + -"
  );
}

function describeChar(char: string): string {
  const codePoint = char.codePointAt(0)!;
  const unicode = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  return codePoint > 0x20 && codePoint < 0x7f ? `the character "${char}"` : `the character ${unicode}`;
}
