import type { z } from "zod";
import { InvalidRequestError } from "./gateway-error";

/**
 * Validates a parsed JSON body; the first zod issue becomes an {@link InvalidRequestError}
 * whose `param` is the offending path (`messages[1].content[0].type`).
 */
export function parseRequestBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const firstIssue = result.error.issues[0];
  if (!firstIssue) throw new InvalidRequestError("Invalid request body.");
  const issue = deepestIssue(firstIssue);
  throw new InvalidRequestError(describeIssue(issue, body), { param: formatParam(issue.path) || null });
}

export function formatParam(path: readonly PropertyKey[]): string {
  let param = "";
  for (const segment of path) {
    if (typeof segment === "number") param += `[${segment}]`;
    else param += param ? `.${String(segment)}` : String(segment);
  }
  return param;
}

/**
 * For a union (`string | parts[]`), the branch that got furthest explains the mistake best:
 * `messages[0].content[0].cache_control.ttl`, not "messages[0].content: Invalid input".
 */
function deepestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  let best: z.core.$ZodIssue | undefined;
  for (const branch of issue.errors) {
    const candidate = branch[0];
    if (candidate && (!best || candidate.path.length > best.path.length)) best = candidate;
  }
  if (!best || best.path.length === 0) return issue;
  return deepestIssue({ ...best, path: [...issue.path, ...best.path] } as z.core.$ZodIssue);
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const param = formatParam(issue.path);
  if (issue.code === "invalid_union" && "discriminator" in issue && typeof issue.discriminator === "string") {
    const value = valueAt(body, issue.path);
    return value === undefined
      ? `Missing required parameter: '${param}'.`
      : `Invalid value for '${param}': ${JSON.stringify(value)} is not supported.`;
  }
  if (issue.code === "invalid_type" && valueAt(body, issue.path) === undefined) {
    return `Missing required parameter: '${param}'.`;
  }
  return param ? `Invalid value for '${param}': ${issue.message}.` : `Invalid request body: ${issue.message}.`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
