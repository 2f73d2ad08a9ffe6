/** The embedded database holds password hashes and sealed credentials: its files are the user's alone, like app-secret. */
import { chmodSync, existsSync, statSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, createDb } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("SQLite database files", () => {
  let database: TestDatabase;
  let file: string;
  let previousUmask: number;
  beforeEach(async () => {
    // A permissive umask, as on many servers: the modes must not depend on it.
    previousUmask = process.umask(0o022);
    database = await createTestDatabase("sqlite");
    file = database.url.slice("file:".length);
  });
  afterEach(async () => {
    process.umask(previousUmask);
    await database.dispose();
  });

  it("are created 0600: the database, its -wal and its -shm", async () => {
    await applyMigrations(database);
    const db = createDb({ provider: "sqlite", url: database.url, file });
    await db.user.count();
    await db.$executeRawUnsafe("CREATE TABLE mode_probe (id INTEGER)");
    try {
      for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(candidate), candidate).toBe(true);
        expect(modeOf(candidate).toString(8), candidate).toBe("600");
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("left readable by others (an earlier version) are tightened when opened", async () => {
    writeFileSync(file, "");
    chmodSync(file, 0o644);
    await applyMigrations(database);
    expect(modeOf(file).toString(8)).toBe("600");
  });
});
