/**
 * Accounts hardening: members cannot escape limits by minting keys (a user's limits are shared
 * by all of the user's keys, the playground's internal key included; new keys start with them;
 * admins can turn key creation off for members), and sign-in is throttled per account and per
 * client address with counters in the database, so the throttle holds across two instances.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlaygroundSession, postPlaygroundTurn, sendText } from "../helpers/playground-api";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { runCli } from "../helpers/run-cli";
import { createTestDatabase, postgresUrl, type TestDatabase } from "../helpers/test-database";
import { appEnv } from "../helpers/test-env";
import { sleep } from "../request-log/database-outage";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORTS = { limits: 3765, throttleA: 3766, throttleB: 3767 } as const;
const MODEL = "anthropic/claude-sonnet-4-6";

async function signIn(url: string, email: string, password: string) {
  return fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
}

async function cookieFor(url: string, email: string, password: string) {
  const response = await signIn(url, email, password);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

const chat = (url: string, apiKey: string) =>
  fetch(`${url}/v3/router/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "Hi" }] }),
  });

/** Counters are per UTC minute: start a burst early in a minute so it cannot straddle two. */
async function atStartOfAFreshMinute() {
  const second = new Date().getUTCSeconds();
  if (second > 40) await sleep((61 - second) * 1000);
}

describe("limits per user", () => {
  let gateway: GatewayUnderTest;
  let admin: string;
  let member: string;
  const as = (cookie: string, path: string, init: RequestInit = {}) =>
    fetch(`${gateway.url}${path}`, {
      ...init,
      headers: { "content-type": "application/json", origin: gateway.url, cookie, ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORTS.limits });
    const created = await gateway.cli(
      ["user", "create", "--email", "member@example.com", "--password-stdin"],
      "member-password",
    );
    expect(created.code, created.stderr).toBe(0);
    admin = await cookieFor(gateway.url, "admin@example.com", "admin-password");
    member = await cookieFor(gateway.url, "member@example.com", "member-password");
  }, 240_000);
  afterAll(() => gateway?.stop());

  it(
    "a member's keys (the playground's too) share the member's requests per minute; new keys start with the limits",
    { timeout: 180_000 },
    async () => {
      const set = await gateway.cli(["user", "limits", "member@example.com", "--rpm", "3"]);
      expect(set.stdout).toBe("member@example.com: rpm 3, tpm none, monthly budget none\n");

      const keys: string[] = [];
      for (const name of ["one", "two"]) {
        const response = await as(member, "/api/api-keys", { method: "POST", body: JSON.stringify({ name }) });
        expect(response.status, await response.clone().text()).toBe(201);
        const { key, apiKey } = (await response.json()) as {
          key: string;
          apiKey: { limits: { requestsPerMinute: number | null } };
        };
        expect(apiKey.limits.requestsPerMinute).toBe(3);
        keys.push(key);
      }
      // Neither key's own limit will be reached (each is used at most twice): only the user's can refuse.
      await atStartOfAFreshMinute();

      // One playground turn: the playground's internal key, through the gateway like any client.
      const asMember = (pathname: string, init?: RequestInit) => as(member, pathname, init);
      const sessionId = await createPlaygroundSession(asMember);
      const turn = await postPlaygroundTurn(asMember, sessionId, sendText("Hi"));
      expect(await turn.text()).toContain('"type":"end"');

      expect((await chat(gateway.url, keys[0]!)).status).toBe(200);
      expect((await chat(gateway.url, keys[1]!)).status).toBe(200);
      const refused = await chat(gateway.url, keys[0]!);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /^Rate limit reached for your account \(all of its keys together\) on requests per minute: limit 3/,
      );
      // The admin's key is not the member's: unaffected.
      expect((await chat(gateway.url, gateway.apiKey)).status).toBe(200);
    },
  );

  it("admins set users' limits; members may not", async () => {
    const users = (await (await as(admin, "/api/users")).json()) as { users: Array<{ id: string; email: string }> };
    const memberId = users.users.find((user) => user.email === "member@example.com")!.id;
    const byMember = await as(member, `/api/users/${memberId}/limits`, {
      method: "PATCH",
      body: JSON.stringify({ requestsPerMinute: null }),
    });
    expect(byMember.status).toBe(403);
    const byAdmin = await as(admin, `/api/users/${memberId}/limits`, {
      method: "PATCH",
      body: JSON.stringify({ tokensPerMinute: 5000, monthlyBudgetUsd: 2.5 }),
    });
    expect(byAdmin.status).toBe(200);
    expect(((await byAdmin.json()) as { user: { limits: unknown } }).user.limits).toEqual({
      requestsPerMinute: 3,
      tokensPerMinute: 5000,
      monthlyBudgetUsd: 2.5,
    });
  });

  it("admins can turn off key creation for members (CLI or API); admins still create keys", async () => {
    const off = await gateway.cli(["key", "policy", "--members-create", "off"]);
    expect(off.stdout).toBe("members may create keys: off\n");
    const refused = await as(member, "/api/api-keys", { method: "POST", body: JSON.stringify({ name: "three" }) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/turned off creating/);
    const byAdmin = await as(admin, "/api/api-keys", { method: "POST", body: JSON.stringify({ name: "admin's" }) });
    expect(byAdmin.status).toBe(201);

    expect(
      (await as(member, "/api/settings/api-keys", { method: "PATCH", body: '{"membersMayCreateKeys":true}' })).status,
    ).toBe(403);
    const on = await as(admin, "/api/settings/api-keys", { method: "PATCH", body: '{"membersMayCreateKeys":true}' });
    expect(await on.json()).toEqual({ membersMayCreateKeys: true });
    const allowed = await as(member, "/api/api-keys", { method: "POST", body: JSON.stringify({ name: "three" }) });
    expect(allowed.status).toBe(201);
  });
});

describe.skipIf(!postgresUrl)("sign-in throttling across two instances on PostgreSQL", () => {
  let database: TestDatabase;
  let a: AppServer;
  let b: AppServer;
  // 16 s window: the first lockout is 2 s, then 4 s, … (1/8 of the window, doubling).
  const WINDOW = "16";

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    const created = await runCli(["user", "create", "--email", "victim@example.com", "--password-stdin"], {
      env: appEnv(database),
      stdin: "the-right-password",
    });
    expect(created.code, created.stderr).toBe(0);
    const env = {
      ...Object.fromEntries(Object.entries(appEnv(database)).map(([key, value]) => [key, value ?? ""])),
      SIGN_IN_THROTTLE_WINDOW_SECONDS: WINDOW,
    };
    a = await startAppServer(env, PORTS.throttleA);
    b = await startAppServer(env, PORTS.throttleB);
  }, 300_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.dispose();
  });

  it(
    "locks an account out after 5 failures on either instance, with growing retry-after; then signs in",
    {
      timeout: 120_000,
    },
    async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const server = attempt % 2 === 0 ? a : b;
        expect((await signIn(server.url, "victim@example.com", `wrong-${attempt}`)).status).toBe(401);
      }
      // Even the right password is refused while locked out, on both instances.
      const locked = await signIn(a.url, "victim@example.com", "the-right-password");
      expect(locked.status).toBe(429);
      const firstWait = Number(locked.headers.get("retry-after"));
      expect(firstWait).toBeGreaterThanOrEqual(1);
      expect(firstWait).toBeLessThanOrEqual(2);
      expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(
        /too many failed sign-in attempts/,
      );
      expect((await signIn(b.url, "VICTIM@example.com", "the-right-password")).status).toBe(429);

      await sleep(firstWait * 1000 + 300);
      expect((await signIn(b.url, "victim@example.com", "wrong-again")).status).toBe(401);
      const lockedLonger = await signIn(a.url, "victim@example.com", "the-right-password");
      expect(lockedLonger.status).toBe(429);
      const secondWait = Number(lockedLonger.headers.get("retry-after"));
      expect(secondWait).toBeGreaterThan(firstWait);

      await sleep(secondWait * 1000 + 300);
      expect((await signIn(a.url, "victim@example.com", "the-right-password")).status).toBe(200);
    },
  );

  it("locks a client address out after 20 failures across accounts", { timeout: 120_000 }, async () => {
    let refusedAt = -1;
    for (let attempt = 0; attempt < 25 && refusedAt === -1; attempt++) {
      const server = attempt % 2 === 0 ? a : b;
      const reply = await signIn(server.url, `nobody-${attempt}@example.com`, "whatever-password");
      if (reply.status === 429) refusedAt = attempt;
      else expect(reply.status).toBe(401);
    }
    // Earlier tests' failures from this address count too: at most 20 in all.
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt).toBeLessThanOrEqual(20);
    const victim = await signIn(a.url, "victim@example.com", "the-right-password");
    expect(victim.status).toBe(429);
    expect(Number(victim.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
