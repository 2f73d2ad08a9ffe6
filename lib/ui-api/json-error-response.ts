import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "./read-body";

/** Renders any thrown value as our internal API's JSON error; nothing internal leaks on a 500. */
export function jsonErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers =
      error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
    return Response.json(error.toJSON(), { status: error.status, headers });
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0]!;
    const param = issue.path.join(".") || undefined;
    return jsonErrorResponse(
      new AppError("invalid_input", param ? `${param}: ${issue.message}` : issue.message, param),
    );
  }
  console.error("internal error:", error instanceof Error ? error.message : error);
  return Response.json(
    { error: { code: "internal_error", message: "Something went wrong on our side." } },
    { status: 500 },
  );
}

/**
 * Parses a JSON body against a schema: larger than `maxBytes` (1 MB unless the route needs more)
 * is a 413 without reading it whole; malformed JSON and invalid fields are 400s.
 */
export async function parseJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: { maxBytes?: number } = {},
): Promise<z.output<T>> {
  return schema.parse(await readJsonBody(request, options));
}
