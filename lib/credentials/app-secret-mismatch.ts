import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import { appSecretKey } from "@/lib/crypto/app-secret-key";
import { sealedKeyId } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors/app-error";

const REMEDY =
  "Restore the APP_SECRET they were saved with, or run `switchyard secrets rotate` (or re-enter the keys under AI Gateway › BYOK).";

/**
 * This server's APP_SECRET is not the one a stored credential was sealed with: nothing can open
 * it. A 503 naming the cause — an operator's fix, not a bug and not the caller's mistake.
 */
export class AppSecretMismatchError extends AppError {
  override name = "AppSecretMismatchError";
  constructor(credentialName: string) {
    super(
      "unavailable",
      `This server's APP_SECRET does not match the stored credentials: "${credentialName}" was saved with a different APP_SECRET. ${REMEDY}`,
    );
  }
}

/**
 * The startup check: how many stored credentials were sealed under another APP_SECRET, as one
 * line for the log (undefined when all match). Reads only the key ids, never opens a secret.
 */
export async function describeAppSecretMismatch(db: DataPlaneDb): Promise<string | undefined> {
  const rows = await db.query<{ secretCiphertext: string }>(
    `SELECT "secretCiphertext" FROM "ProviderCredential" LIMIT 1000`,
  );
  const { id } = appSecretKey();
  const mismatched = rows.filter((row) => sealedKeyId(row.secretCiphertext) !== id).length;
  if (mismatched === 0) return undefined;
  return `APP_SECRET does not match the stored credentials: ${mismatched} of ${rows.length} provider credential(s) were saved with a different APP_SECRET and cannot be used. ${REMEDY}`;
}
