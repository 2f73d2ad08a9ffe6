/**
 * A server started with another APP_SECRET than the one its credentials were saved with cannot
 * open them. That must read as exactly that — at startup, on the credential test, and on a
 * gateway call — not as a generic 500.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { describeAppSecretMismatch } from "@/lib/credentials/app-secret-mismatch";
import { forgetResolvedCredentials } from "@/lib/credentials/resolve-credential";
import { testCredential } from "@/lib/credentials/test-credential";
import { gatewayFetch } from "@/tests/helpers/gateway-fetch";
import { seedAdminKeyAndCredential } from "../helpers/seed-install";
import type { TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase, TEST_APP_SECRET, useAppEnv } from "../helpers/test-env";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";

const OTHER_APP_SECRET = "a-different-secret-a-different-secret-99";
const MISMATCH = /APP_SECRET does not match the stored credentials/;
const SONNET = "anthropic/claude-sonnet-4-6";

describe("a server whose APP_SECRET does not match the stored credentials", () => {
  let database: TestDatabase;
  let db: Db;
  let apiKey: string;
  let credentialId: string;

  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase("sqlite", TEST_APP_SECRET));
    ({ apiKey, credentialId } = await seedAdminKeyAndCredential(db, {
      keyName: "mismatch",
      credential: { name: "Production", apiKey: "sk-ant-mismatch-test-0000" },
    }));
    expect(await describeAppSecretMismatch(getDataPlaneDb())).toBeUndefined();
    await db.$disconnect();
    db = useAppEnv(database, OTHER_APP_SECRET);
  }, 60_000);
  beforeEach(() => forgetResolvedCredentials());
  afterAll(() => disposeDatabase({ database, db }));

  it("is reported at startup in one line that says so", async () => {
    const problem = await describeAppSecretMismatch(getDataPlaneDb());
    expect(problem).toMatch(MISMATCH);
    expect(problem).toMatch(/1 of 1 provider credential/);
    expect(problem).toMatch(/switchyard secrets rotate/);
  });

  it("makes the credential test say the secret does not match", async () => {
    const result = await testCredential(db, credentialId);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(MISMATCH);
    expect(result.message).toMatch(/"Production"/);
  });

  it.each([
    [
      "chat/completions",
      () =>
        gatewayFetch(
          new Request("http://gateway.test/v3/router/chat/completions", {
            method: "POST",
            headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
            body: JSON.stringify({ model: SONNET, messages: [{ role: "user", content: "Hi" }] }),
          }),
        ),
    ],
    [
      "v1/messages",
      () =>
        gatewayFetch(
          new Request("http://gateway.test/v3/router/v1/messages", {
            method: "POST",
            headers: { "x-api-key": apiKey, "anthropic-version": "2023-06-01", "content-type": "application/json" },
            body: JSON.stringify({ model: SONNET, max_tokens: 8, messages: [{ role: "user", content: "Hi" }] }),
          }),
        ),
    ],
  ])("makes %s answer 503 naming the cause, not a generic 500", async (_endpoint, call) => {
    const response = await call();
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status, JSON.stringify(body)).toBe(503);
    expect(body.error.message).toMatch(MISMATCH);
  });
});
