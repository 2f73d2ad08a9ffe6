import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import type { Db } from "@/lib/db";
import { authenticateApiKey, clearApiKeyCache } from "@/lib/api-keys/authenticate-api-key";
import { resolveDefaultCredential, forgetResolvedCredentials } from "@/lib/credentials/resolve-credential";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { appEnv, createMigratedDatabase, disposeDatabase, TEST_APP_SECRET, useAppEnv } from "../helpers/test-env";
import { runCli } from "../helpers/run-cli";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";

const PROVIDER_SECRET = "sk-ant-api03-INTEGRATION-0123456789abcdefghijklmnop-WXYZ";

/** Every byte the database holds: the SQLite files under DATA_DIR, or every row of every table. */
async function everythingStored(database: TestDatabase): Promise<string> {
  if (database.provider === "sqlite") {
    return readdirSync(database.dataDir)
      .map((file) => readFileSync(path.join(database.dataDir, file)).toString("latin1"))
      .join("\n");
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    const dumps: string[] = [];
    for (const { tablename } of tables.rows)
      dumps.push(JSON.stringify((await client.query(`SELECT * FROM "${tablename}"`)).rows));
    return dumps.join("\n");
  } finally {
    await client.end();
  }
}

describe.each(testProviders)("gateway keys and provider credentials on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
    clearApiKeyCache();
    forgetResolvedCredentials();
    const admin = await runCli(["user", "create", "--email", "admin@example.com", "--password-stdin", "--admin"], {
      env: appEnv(database),
      stdin: "admin-password",
    });
    expect(admin.code, admin.stderr).toBe(0);
  });
  afterEach(() => disposeDatabase({ database, db }));

  it("creates a key shown once, stores only its hash, and a CLI revoke reaches a running server within a second", async () => {
    const created = await runCli(["key", "create", "--name", "ci"], { env: appEnv(database) });
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim().split("\n").at(-1)!;
    expect(key).toMatch(/^sy-[0-9a-f]{8}-[A-Za-z0-9_-]{43}$/);

    const listed = await runCli(["key", "list", "--json"], { env: appEnv(database) });
    const keys = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(keys).toEqual([
      {
        id: expect.any(String),
        name: "ci",
        prefix: key.slice(0, 11),
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(listed.stdout).not.toContain(key);

    // "The server": authenticates (and caches) the key.
    await expect(authenticateApiKey(getDataPlaneDb(), key)).resolves.toMatchObject({
      keyName: "ci",
      keyPrefix: key.slice(0, 11),
    });
    expect(await everythingStored(database)).not.toContain(key.slice(12));

    const revoked = await runCli(["key", "revoke", key.slice(0, 11)], { env: appEnv(database) });
    expect(revoked.code, revoked.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await expect(authenticateApiKey(getDataPlaneDb(), key)).rejects.toThrow(/has been revoked/);
    const after = JSON.parse((await runCli(["key", "list", "--json"], { env: appEnv(database) })).stdout);
    expect(after[0].revokedAt).toEqual(expect.any(String));
    // Four CLI processes: each `tsx` start takes several seconds on a loaded machine.
  }, 90_000);

  it.each([
    [["key", "create"], 2, /--name is required/],
    [["key", "create", "--name", "x", "--user", "nobody@example.com"], 1, /no user nobody@example.com/],
    [["key", "revoke", "sy-00000000"], 1, /no API key sy-00000000/],
    [["provider", "add", "--provider", "openai", "--name", "x", "--api-key-stdin"], 2, /--provider must be one of/],
    [
      [
        "provider",
        "add",
        "--provider",
        "aws",
        "--name",
        "x",
        "--api-key-stdin",
        "--access-key-id",
        "AKIA",
        "--region",
        "nowhere",
      ],
      2,
      /region must look like us-east-1/,
    ],
  ])("%j exits %i", async (args, code, message) => {
    const result = await runCli(args, { env: appEnv(database), stdin: "secret-value" });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain("secret-value");
  });

  it("adds a provider key from stdin, keeps it encrypted, and lists only its last 4 characters", async () => {
    const added = await runCli(
      [
        "provider",
        "add",
        "--provider",
        "anthropic",
        "--name",
        "Anthropic Production",
        "--api-key-stdin",
        "--base-url",
        "http://127.0.0.1:9/",
      ],
      { env: appEnv(database), stdin: `${PROVIDER_SECRET}\n` },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Added Anthropic credential "Anthropic Production" \(.+\), key ••••WXYZ, default/);

    const listed = await runCli(["provider", "list", "--json"], { env: appEnv(database) });
    const [credential] = JSON.parse(listed.stdout);
    expect(credential).toMatchObject({
      provider: "anthropic",
      name: "Anthropic Production",
      secretLast4: "WXYZ",
      baseUrl: "http://127.0.0.1:9",
      isDefault: true,
      enabled: true,
    });
    for (const output of [added.stdout, added.stderr, listed.stdout, listed.stderr])
      expect(output).not.toContain("INTEGRATION");
    expect(await everythingStored(database)).not.toContain("INTEGRATION");

    const resolved = await resolveDefaultCredential(getDataPlaneDb(), "anthropic");
    expect(resolved.secrets.apiKey).toBe(PROVIDER_SECRET);

    const removed = await runCli(["provider", "remove", credential.id], { env: appEnv(database) });
    expect(removed.code).toBe(0);
    forgetResolvedCredentials();
    await expect(resolveDefaultCredential(getDataPlaneDb(), "anthropic")).rejects.toThrow(
      /No enabled Anthropic credential is configured.*BYOK/,
    );
  });

  it("re-encrypts credentials under a new APP_SECRET with `secrets rotate`", async () => {
    await runCli(["provider", "add", "--provider", "anthropic", "--name", "main", "--api-key-stdin"], {
      env: appEnv(database),
      stdin: PROVIDER_SECRET,
    });
    const newSecret = "rotated-secret-rotated-secret-rotated-99";
    db = useAppEnv(database, newSecret);
    forgetResolvedCredentials();
    await expect(resolveDefaultCredential(getDataPlaneDb(), "anthropic")).rejects.toThrow(/different APP_SECRET/);

    const rotate = ["secrets", "rotate", "--previous-secret-stdin"];
    const first = await runCli(rotate, { env: appEnv(database, newSecret), stdin: TEST_APP_SECRET });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Re-encrypted 1 credential\(s\); 0 already used the current key/);
    const again = await runCli(rotate, { env: appEnv(database, newSecret), stdin: TEST_APP_SECRET });
    expect(again.stdout).toMatch(/Re-encrypted 0 credential\(s\); 1 already used the current key/);

    forgetResolvedCredentials();
    expect((await resolveDefaultCredential(getDataPlaneDb(), "anthropic")).secrets.apiKey).toBe(PROVIDER_SECRET);
  });
});
