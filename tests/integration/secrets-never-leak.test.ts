import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { runCli } from "../helpers/run-cli";
import { createTestDatabase, testProviders, type TestDatabase } from "../helpers/test-database";
import { appEnv } from "../helpers/test-env";

const PROVIDER_SECRET = "sk-ant-api03-LEAKCHECK-Zq81nXvR0pL4sT9wQe2m-ABCD";
const PROVIDER_SECRET_BODY = "LEAKCHECK-Zq81nXvR0pL4sT9wQe2m";
const PORTS = { sqlite: 3210, postgresql: 3211 } as const;

async function storedBytes(database: TestDatabase): Promise<string> {
  if (database.provider === "sqlite") {
    return readdirSync(database.dataDir)
      .map((file) => readFileSync(path.join(database.dataDir, file)).toString("latin1"))
      .join("\n");
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    const dumps: string[] = [];
    for (const { tablename } of tables)
      dumps.push(JSON.stringify((await client.query(`SELECT * FROM "${tablename}"`)).rows));
    return dumps.join("\n");
  } finally {
    await client.end();
  }
}

describe.each(testProviders)("secrets never leak (%s)", (provider) => {
  let database: TestDatabase;
  let fake: FakeAnthropicServer;
  let server: AppServer;
  let cookie = "";
  const seen: string[] = [];

  async function call(pathname: string, init: RequestInit = {}) {
    const response = await fetch(`${server.url}${pathname}`, {
      ...init,
      headers: { "content-type": "application/json", origin: server.url, cookie, ...(init.headers ?? {}) },
    });
    const text = await response.text();
    seen.push(text);
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0]!;
    return { status: response.status, text, json: () => JSON.parse(text) };
  }

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    fake = await startFakeAnthropicServer({
      apiKey: PROVIDER_SECRET,
      defaultScenario: { type: "fixture", fixture: "anthropic-text" },
    });
    const env = appEnv(database) as Record<string, string>;
    server = await startAppServer(
      Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value ?? ""])),
      PORTS[provider],
    );
    const admin = await runCli(["user", "create", "--email", "owner@example.com", "--password-stdin", "--admin"], {
      env: appEnv(database),
      stdin: "owner-password",
    });
    expect(admin.code, admin.stderr).toBe(0);
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    await database?.dispose();
  });

  it("keeps the provider key and the gateway key out of every response, the database and the server log", async () => {
    expect(
      (
        await call("/api/auth/sign-in", {
          method: "POST",
          body: JSON.stringify({ email: "owner@example.com", password: "owner-password" }),
        })
      ).status,
    ).toBe(200);

    const created = await call("/api/credentials", {
      method: "POST",
      body: JSON.stringify({
        provider: "anthropic",
        name: "Anthropic Production",
        apiKey: PROVIDER_SECRET,
        baseUrl: fake.url,
      }),
    });
    expect(created.status).toBe(201);
    expect(created.json().credential).toMatchObject({ name: "Anthropic Production", secretLast4: "ABCD" });
    const credentialId = created.json().credential.id as string;
    expect((await call("/api/credentials")).json().credentials).toHaveLength(1);
    // Editing without retyping the secret keeps it.
    expect(
      (
        await call(`/api/credentials/${credentialId}`, {
          method: "PATCH",
          body: JSON.stringify({ name: "Anthropic Prod", apiKey: "" }),
        })
      ).status,
    ).toBe(200);
    expect((await call(`/api/credentials/${credentialId}/test`, { method: "POST" })).json()).toMatchObject({
      ok: true,
    });

    const keyResponse = await call("/api/api-keys", { method: "POST", body: JSON.stringify({ name: "leak check" }) });
    expect(keyResponse.status).toBe(201);
    const gatewayKey = keyResponse.json().key as string;
    const listed = await call("/api/api-keys");
    expect(listed.text).not.toContain(gatewayKey);

    const completion = await call("/v3/router/chat/completions", {
      method: "POST",
      headers: { authorization: `Bearer ${gatewayKey}`, cookie: "" },
      body: JSON.stringify({ model: "anthropic/claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(completion.status).toBe(200);
    expect(fake.requests.at(-1)!.headers["x-api-key"]).toBe(PROVIDER_SECRET);

    // A provider that rejects the key: the error names the credential, not the key.
    fake.addRule({
      scenario: {
        type: "error",
        status: 401,
        errorType: "authentication_error",
        message: `invalid x-api-key ${PROVIDER_SECRET}`,
      },
      times: 1,
    });
    const rejected = await call("/v3/router/chat/completions", {
      method: "POST",
      headers: { authorization: `Bearer ${gatewayKey}`, cookie: "" },
      body: JSON.stringify({ model: "anthropic/claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(rejected.status).toBe(502);
    expect(rejected.json().error).toMatchObject({ type: "upstream_error", code: "provider_authentication_failed" });
    expect(rejected.json().error.message).toContain("Anthropic Prod");

    const responses = seen.slice(0);
    responses.splice(responses.indexOf(keyResponse.text), 1); // the one response that shows the key, once
    for (const body of responses) {
      expect(body).not.toContain(PROVIDER_SECRET_BODY);
      expect(body).not.toContain(gatewayKey);
    }
    const stored = await storedBytes(database);
    expect(stored).not.toContain(PROVIDER_SECRET_BODY);
    expect(stored).not.toContain(gatewayKey.slice(12));
    expect(server.output()).not.toContain(PROVIDER_SECRET_BODY);
    expect(server.output()).not.toContain(gatewayKey.slice(12));
  });
});
