import { z } from "zod";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import type { RequestLogCursor, RequestLogFilter } from "@/lib/db/request-log-queries";

const optionalText = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.string().max(300).optional(),
);
const optionalDate = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce.date().optional(),
);

/** The filters the logs screen, its CSV export and the usage dashboard take (URL query). */
export const requestLogQuerySchema = z.object({
  from: optionalDate,
  to: optionalDate,
  key: optionalText,
  model: optionalText,
  status: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.union([z.enum(["error", "success"]), z.coerce.number().int().min(100).max(599)]).optional(),
  ),
  endpoint: optionalText,
  cursor: optionalText,
  limit: z.preprocess(
    (value) => (value === null ? undefined : value),
    z.coerce.number().int().min(1).max(200).default(50),
  ),
});
export type RequestLogQuery = z.infer<typeof requestLogQuerySchema>;

export function parseRequestLogQuery(searchParams: URLSearchParams): RequestLogQuery {
  const raw = Object.fromEntries([...searchParams.entries()]);
  return requestLogQuerySchema.parse(raw);
}

/** Members see the rows of their own keys; admins see every row. */
export function filterFor(query: RequestLogQuery, viewer: SignedInUser): RequestLogFilter {
  return {
    ...(viewer.role === "admin" ? {} : { userId: viewer.id }),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.key ? { apiKeyId: query.key } : {}),
    ...(query.model ? { model: query.model } : {}),
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.endpoint ? { endpoint: query.endpoint } : {}),
  };
}

/** Opaque page cursor: the last row's time and id. */
export function encodeCursor(cursor: RequestLogCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | undefined): RequestLogCursor | undefined {
  if (!value) return undefined;
  const [time, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}
