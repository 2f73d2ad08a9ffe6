import type { Db } from "@/lib/db";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { AppError } from "@/lib/errors/app-error";
import { keyLimitsInput, limitsUpdateData } from "@/lib/rate-limits/key-limits";
import { API_KEY_VIEW_SELECT, toApiKeyView } from "./api-key-view";

/**
 * Sets a key's rate limits, monthly budget and body logging (by id or prefix). Admins and the
 * operator CLI only: a member could otherwise lift their own caps. Omitted fields stay as they
 * are; null removes a limit. Every instance sees the change within a second (the key cache).
 */
export async function setApiKeyLimits(db: Db, idOrPrefix: string, input: unknown, viewer: SignedInUser | "operator") {
  if (viewer !== "operator" && viewer.role !== "admin")
    throw new AppError("forbidden", "only an admin can change a key's limits");
  const limits = keyLimitsInput.parse(input);
  const key = await db.apiKey.findFirst({
    where: { OR: [{ id: idOrPrefix }, { prefix: idOrPrefix }] },
    select: { id: true },
  });
  if (!key) throw new AppError("not_found", `no API key ${idOrPrefix}`);
  const row = await db.apiKey.update({
    where: { id: key.id },
    data: {
      ...limitsUpdateData(limits),
      ...(limits.logBodies !== undefined ? { logBodies: limits.logBodies } : {}),
    },
    select: API_KEY_VIEW_SELECT,
  });
  return toApiKeyView(row);
}
