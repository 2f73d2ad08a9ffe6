import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "./config-error";

export const APP_SECRET_FILE_NAME = "app-secret";

/**
 * Embedded mode: the secret lives in DATA_DIR so a zero-config install keeps
 * the same key across restarts. Created once with mode 0600; `wx` makes two
 * processes starting at once agree on a single secret.
 */
export function readOrCreateAppSecret(dataDir: string): string {
  const file = path.join(dataDir, APP_SECRET_FILE_NAME);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) {
    throw new ConfigError(
      `${file} holds an APP_SECRET shorter than 32 characters; delete it only if no data was encrypted with it`,
    );
  }
  return secret;
}
