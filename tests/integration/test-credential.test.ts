import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createCredential } from "@/lib/credentials/manage-credentials";
import { testCredential } from "@/lib/credentials/test-credential";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import type { TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";

const GOOD_KEY = "sk-ant-test-connection-good-key-0000";

describe("Test connection", () => {
  let database: TestDatabase;
  let db: Db;
  let fake: FakeAnthropicServer;
  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase("sqlite"));
    fake = await startFakeAnthropicServer({ apiKey: GOOD_KEY });
  });
  afterAll(async () => {
    await fake.close();
    await disposeDatabase({ database, db });
  });

  it("makes one cheap real call (count_tokens) with the credential and reports success", async () => {
    const credential = await createCredential(db, {
      provider: "anthropic",
      name: "Good",
      apiKey: GOOD_KEY,
      baseUrl: fake.url,
    });
    fake.reset();
    const result = await testCredential(db, credential.id);
    expect(result).toEqual({ ok: true, message: "Anthropic accepted the credential.", latencyMs: expect.any(Number) });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/v1/messages/count_tokens" });
    expect(fake.requests[0]!.headers["x-api-key"]).toBe(GOOD_KEY);
  });

  it("reports a rejected key by the credential's name, never echoing the key", async () => {
    const credential = await createCredential(db, {
      provider: "anthropic",
      name: "Stale key",
      apiKey: "sk-ant-WRONG-9999",
      baseUrl: fake.url,
    });
    const result = await testCredential(db, credential.id);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Stale key/);
    expect(result.message).not.toMatch(/WRONG|9999/);
  });

  it("reports an unreachable provider", async () => {
    const credential = await createCredential(db, {
      provider: "anthropic",
      name: "Nowhere",
      apiKey: GOOD_KEY,
      baseUrl: "http://127.0.0.1:9",
    });
    const result = await testCredential(db, credential.id);
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/Nowhere/);
  });
});
