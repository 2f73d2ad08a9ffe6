import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The embedded database holds password hashes, sealed credentials and request bodies: like the
 * app-secret file it is readable by this user only. Created 0600 before SQLite opens it (SQLite
 * then creates its -wal and -shm files with the database file's mode), and files an earlier
 * version left readable by others are tightened.
 */
// `turbopackIgnore`: the database's path comes from DATA_DIR at run time; without the hint the
// build would trace the whole project into the server output.
export function preparePrivateSqliteFile(file: string): void {
  mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  closeSync(openSync(/*turbopackIgnore: true*/ file, "a", 0o600));
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      if ((statSync(/*turbopackIgnore: true*/ candidate).mode & 0o077) !== 0)
        chmodSync(/*turbopackIgnore: true*/ candidate, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}
