/**
 * A PostgreSQL server that stalls or goes away must not hang the gateway, and must not turn into
 * 500s: requests that need the database answer 503 with retry-after within seconds (the
 * configured connect and statement timeouts), /api/health says unavailable, and both recover
 * once the database answers again. The app reaches PostgreSQL through a TCP proxy the test can
 * pause (bytes held, sockets open) or stop (listener closed, sockets destroyed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, type Db } from "@/lib/db";
import { clearApiKeyCache } from "@/lib/api-keys/authenticate-api-key";
import { forgetResolvedCredentials } from "@/lib/credentials/resolve-credential";
import { LOGIN_COOKIE } from "@/lib/auth/login-sessions";
import { gatewayFetch } from "@/tests/helpers/gateway-fetch";
import { GET as health } from "@/app/api/health/route";
import { GET as me } from "@/app/api/me/route";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import { startPausableTcpProxy, type PausableTcpProxy } from "../helpers/pausable-tcp-proxy";
import { seedAdminKeyAndCredential } from "../helpers/seed-install";
import { createTestDatabase, postgresUrl, type TestDatabase } from "../helpers/test-database";
import { useAppEnv } from "../helpers/test-env";

const SONNET = "anthropic/claude-sonnet-4-6";
const PROVIDER_KEY = "sk-ant-db-unavailable-test-key-0000";
/** Configured timeouts are 3 s (connect and statement); this bound only proves nothing hangs. */
const ANSWER_WITHIN_MS = 8_000;

type Reply = { status: number; headers: Headers; body: Record<string, unknown>; elapsedMs: number };

async function timed(call: () => Promise<Response>): Promise<Reply> {
  const started = Date.now();
  const response = await call();
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body, elapsedMs: Date.now() - started };
}

describe.skipIf(!postgresUrl)("a stalled or stopped PostgreSQL", () => {
  let database: TestDatabase;
  let proxy: PausableTcpProxy;
  let db: Db;
  let fake: FakeAnthropicServer;
  let apiKey: string;

  const gatewayRequests = {
    "chat/completions": () =>
      gatewayFetch(
        new Request("http://gateway.test/v3/router/chat/completions", {
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ model: SONNET, messages: [{ role: "user", content: "Hi" }] }),
        }),
      ),
    "v1/messages": () =>
      gatewayFetch(
        new Request("http://gateway.test/v3/router/v1/messages", {
          method: "POST",
          headers: { "x-api-key": apiKey, "anthropic-version": "2023-06-01", "content-type": "application/json" },
          body: JSON.stringify({ model: SONNET, max_tokens: 64, messages: [{ role: "user", content: "Hi" }] }),
        }),
      ),
  };
  const healthRequest = () => health();
  const uiRequest = () =>
    me(
      new Request("http://localhost/api/me", {
        headers: { host: "localhost", cookie: `${LOGIN_COOKIE}=not-a-session` },
      }),
      {
        params: Promise.resolve({}),
      },
    );

  /** The key and credential caches hold lookups for a second: forget them, so each request reads. */
  function forgetCaches() {
    clearApiKeyCache();
    forgetResolvedCredentials();
  }

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    await applyMigrations(database);
    const target = new URL(database.url);
    proxy = await startPausableTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(database.url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    db = useAppEnv({ ...database, url: proxied.toString() });
    fake = await startFakeAnthropicServer({ apiKey: PROVIDER_KEY });
    ({ apiKey } = await seedAdminKeyAndCredential(db, {
      keyName: "db-unavailable",
      credential: { name: "Fake", apiKey: PROVIDER_KEY, baseUrl: fake.url },
    }));
  }, 60_000);

  afterAll(async () => {
    proxy?.resume();
    await db?.$disconnect();
    await proxy?.close();
    await fake?.close();
    await database?.dispose();
  });

  it("serves gateway requests while the database answers", async () => {
    forgetCaches();
    for (const call of Object.values(gatewayRequests)) expect((await timed(call)).status).toBe(200);
    expect((await timed(healthRequest)).status).toBe(200);
  });

  it("a key still in the cache, with the credential lookup failing, is a 503 too (not a 400)", async () => {
    forgetCaches();
    expect((await timed(gatewayRequests["chat/completions"])).status).toBe(200);
    forgetResolvedCredentials();
    await proxy.stop();
    try {
      const reply = await timed(gatewayRequests["chat/completions"]);
      expect(reply.status, JSON.stringify(reply.body)).toBe(503);
      expect(reply.headers.get("retry-after")).not.toBeNull();
    } finally {
      await proxy.start();
    }
  }, 30_000);

  describe.each([
    ["stalled (no bytes, connections open)", () => proxy.pause(), () => proxy.resume()],
    ["down (connections refused)", () => proxy.stop(), () => proxy.start()],
  ] as const)("database %s", (_name, breakDatabase, restoreDatabase) => {
    beforeAll(async () => {
      await breakDatabase();
    });

    it.each(Object.keys(gatewayRequests) as Array<keyof typeof gatewayRequests>)(
      "%s answers 503 with retry-after in the caller's shape, without hanging",
      async (endpoint) => {
        forgetCaches();
        const reply = await timed(gatewayRequests[endpoint]);
        expect(reply.status, JSON.stringify(reply.body)).toBe(503);
        expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(reply.elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
        if (endpoint === "v1/messages") {
          expect(reply.body).toMatchObject({ type: "error", error: { type: "overloaded_error" } });
        } else {
          expect(reply.body).toMatchObject({ error: { type: "upstream_error", code: "unavailable" } });
        }
        expect(JSON.stringify(reply.body)).toMatch(/database is unavailable/);
      },
      30_000,
    );

    it("the UI's JSON API answers 503 with retry-after", async () => {
      const reply = await timed(uiRequest);
      expect(reply.status).toBe(503);
      expect(reply.headers.get("retry-after")).not.toBeNull();
      expect(reply.body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/database/) } });
      expect(reply.elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
    }, 30_000);

    it("/api/health answers 503 within the timeout", async () => {
      const reply = await timed(healthRequest);
      expect(reply.status).toBe(503);
      expect(reply.body).toMatchObject({ status: "unavailable", db: "postgresql" });
      expect(reply.elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
    }, 30_000);

    it("recovers within 5 s of the database answering again", async () => {
      await restoreDatabase();
      const restoredAt = Date.now();
      const recovered = async (call: () => Promise<Response>) => {
        for (let attempt = 0; attempt < 100; attempt += 1) {
          forgetCaches();
          if ((await timed(call)).status === 200) return Date.now() - restoredAt;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return Infinity;
      };
      expect(await recovered(healthRequest)).toBeLessThan(5_000 + 3_000);
      for (const call of Object.values(gatewayRequests)) expect(await recovered(call)).toBeLessThan(5_000 + 3_000);
    }, 60_000);
  });
});
