import type { Db } from "@/lib/db";
import { appSecretKey } from "@/lib/crypto/app-secret-key";
import { deriveSecretKey, open, seal, sealedKeyId } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors/app-error";

/**
 * Re-seals every credential sealed under `previousAppSecret` with the current
 * APP_SECRET's key. Credentials already under the current key are left alone,
 * so a rotation interrupted half-way can simply be run again.
 */
export async function rotateSecrets(db: Db, previousAppSecret: string) {
  const previous = deriveSecretKey(previousAppSecret);
  const current = appSecretKey();
  const rows = await db.providerCredential.findMany({ select: { id: true, secretCiphertext: true } });
  let rotated = 0;
  let alreadyCurrent = 0;
  const unknown: string[] = [];
  for (const row of rows) {
    const keyId = sealedKeyId(row.secretCiphertext);
    if (keyId === current.id) alreadyCurrent++;
    else if (keyId === previous.id) {
      const plaintext = open(row.secretCiphertext, previous, row.id);
      await db.providerCredential.update({
        where: { id: row.id },
        data: { secretCiphertext: seal(plaintext, current, row.id) },
      });
      rotated++;
    } else unknown.push(row.id);
  }
  if (unknown.length > 0) {
    throw new AppError(
      "invalid_input",
      `rotated ${rotated}, but ${unknown.length} credential(s) were sealed with neither the current nor the given previous APP_SECRET: ${unknown.join(", ")}`,
    );
  }
  return { rotated, alreadyCurrent };
}
