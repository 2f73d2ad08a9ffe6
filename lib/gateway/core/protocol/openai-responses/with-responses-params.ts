import { InvalidRequestError } from "../../gateway-error";

/**
 * Runs a Chat Completions rule on a Responses request and, when it rejects it, names the
 * Responses field instead: the shared validators speak Chat Completions parameter names
 * (`tool_choice.function.name`, `….image_url.url`). `renames` maps a param prefix to its
 * Responses spelling; the longest matching prefix wins.
 */
export function withResponsesParams<Result>(renames: Record<string, string>, rule: () => Result): Result {
  try {
    return rule();
  } catch (error) {
    if (!(error instanceof InvalidRequestError) || error.param === null) throw error;
    const param = error.param;
    const prefix = Object.keys(renames)
      .filter(
        (candidate) => param === candidate || param.startsWith(`${candidate}.`) || param.startsWith(`${candidate}[`),
      )
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) throw error;
    throw new InvalidRequestError(error.message, {
      param: renames[prefix] + param.slice(prefix.length),
      code: error.code,
    });
  }
}
