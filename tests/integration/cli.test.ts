import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, testProviders, type TestDatabase } from "../helpers/test-database";
import { runCli } from "../helpers/run-cli";
import { openTestDb } from "../helpers/test-env";

const APP_SECRET = "test-secret-test-secret-test-secret-0123";

describe("switchyard CLI usage", () => {
  it.each([
    [["--help"], 0, /Usage: switchyard <command>/],
    [[], 0, /Commands:/],
    [["help", "user"], 0, /switchyard user create --email EMAIL --password-stdin/],
    [["user", "create", "--help"], 0, /--password-stdin/],
  ])("%j exits %i with help", async (args, code, output) => {
    const result = await runCli(args);
    expect(result.code).toBe(code);
    expect(result.stdout).toMatch(output);
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["user"], /missing action/],
    [["user", "create", "--password-stdin"], /--email is required/],
    [["user", "create", "--email", "a@b.co"], /--password-stdin is required/],
    [["user", "create", "--email", "a@b.co", "--password-stdin", "--bogus"], /Unknown option '--bogus'/],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("reports bad configuration on one line and exits 1", async () => {
    const result = await runCli(["migrate"], { env: { PORT: "abc" } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("switchyard migrate: PORT must be a number");
  });
});

describe.each(testProviders)("switchyard CLI on %s", (provider) => {
  let database: TestDatabase;
  let env: Record<string, string | undefined>;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
    env =
      provider === "sqlite"
        ? { DATA_DIR: database.dataDir, DATABASE_URL: undefined, APP_SECRET: undefined }
        : { DATA_DIR: database.dataDir, DATABASE_URL: database.url, APP_SECRET };
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("migrates, then reports up to date", async () => {
    const first = await runCli(["migrate"], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`Database ${provider} .*: applied \\d+ migration\\(s\\): \\d{14}_init`));
    const second = await runCli(["migrate"], { env });
    expect(second.stdout).toMatch(/up to date \(\d+ migration\(s\)\)/);
  });

  it("creates an admin from a password on stdin, and refuses a duplicate", async () => {
    const created = await runCli(["user", "create", "--email", "Admin@Example.com", "--password-stdin", "--admin"], {
      env,
      stdin: "s3cret-passw0rd\n",
    });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created admin admin@example\.com \(\w+\)$/m);

    const db = openTestDb(database);
    try {
      const user = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
      expect(user.role).toBe("admin");
      await expect(verifyPassword("s3cret-passw0rd", user.passwordHash)).resolves.toBe(true);
    } finally {
      await db.$disconnect();
    }

    const duplicate = await runCli(["user", "create", "--email", "admin@example.com", "--password-stdin"], {
      env,
      stdin: "another-password",
    });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/a user with email admin@example.com already exists/);
  });

  it("rejects a short password without creating the user", async () => {
    const result = await runCli(["user", "create", "--email", "m@example.com", "--password-stdin"], {
      env,
      stdin: "short",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/password must be at least 8 characters/);
    expect(result.stderr).not.toContain("short\n");
  });

  it("refuses to start on a database with a failed migration, with a clear message", async () => {
    expect((await runCli(["migrate"], { env })).code).toBe(0);
    const markFailed = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES ('00000000-0000-4000-8000-000000000000', 'x', '20990101000000_half_done', '2026-01-01', 0)`;
    if (provider === "sqlite") {
      const db = new Database(database.url.slice(5));
      db.exec(markFailed);
      db.close();
    } else {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(markFailed);
      await client.end();
    }
    const result = await runCli(["start", "--no-build"], { env: { ...env, PORT: "3199" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/migration 20990101000000_half_done failed earlier/);
    expect(result.stdout).not.toMatch(/Serving/);
  });

  it.runIf(provider === "sqlite")(
    "waits for a concurrent writer instead of failing (server and CLI share the file)",
    async () => {
      expect((await runCli(["migrate"], { env })).code).toBe(0);
      const server = new Database(database.url.slice(5));
      server.exec("BEGIN IMMEDIATE");
      server.prepare(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('held', 'x', '2026-01-01')`).run();
      const pending = runCli(["user", "create", "--email", "c@example.com", "--password-stdin"], {
        env,
        stdin: "password-123",
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      server.exec("COMMIT");
      server.close();
      const result = await pending;
      expect(result.code, result.stderr).toBe(0);
    },
  );
});
