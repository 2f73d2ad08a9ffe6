/**
 * Issue 10 acceptance, limits per gateway key: requests per minute hold across two app
 * instances sharing one PostgreSQL database (the counter lives in the database, not in either
 * process); over a limit the caller gets a 429 in its protocol's shape with retry-after, and
 * responses carry OpenAI's x-ratelimit-* headers. Tokens per minute and the monthly budget
 * are charged when a request finishes. Limits are set with `switchyard key limits`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_REQUESTS_PER_MINUTE, FAKE_TOKENS_PER_MINUTE } from "../fake-upstream/fake-anthropic-server";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { postgresUrl, testProviders } from "../helpers/test-database";
import { appEnv } from "../helpers/test-env";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";
import { sleep } from "../request-log/database-outage";

const PORTS = { sqlite: 3540, postgresql: 3550 } as const;

const chat = (target: { url: string }, apiKey: string, content = "Hi") =>
  fetch(`${target.url}/v3/router/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ model: "anthropic/claude-sonnet-4-6", messages: [{ role: "user", content }] }),
  });

const messages = (target: { url: string }, apiKey: string) =>
  fetch(`${target.url}/v3/router/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": apiKey, "anthropic-version": "2023-06-01" },
    body: JSON.stringify({
      model: "anthropic/claude-sonnet-4-6",
      max_tokens: 64,
      messages: [{ role: "user", content: "Hi" }],
    }),
  });

async function createKey(gateway: GatewayUnderTest, name: string, limits: string[]): Promise<string> {
  const created = await gateway.cli(["key", "create", "--name", name]);
  expect(created.code, created.stderr).toBe(0);
  const key = created.stdout.trim().split("\n").at(-1)!;
  const set = await gateway.cli(["key", "limits", key.slice(0, 11), ...limits]);
  expect(set.code, set.stderr).toBe(0);
  return key;
}

/** Counters are per UTC minute: start a burst early in a minute so it cannot straddle two. */
async function atStartOfAFreshMinute() {
  const second = new Date().getUTCSeconds();
  if (second > 40) await sleep((61 - second) * 1000);
}

describe.each(testProviders)("per-key limits on %s", (provider) => {
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORTS[provider], provider });
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it("`key limits` sets, shows and removes limits, and refuses nonsense", { timeout: 180_000 }, async () => {
    const created = await gateway.cli(["key", "create", "--name", "cli-limits"]);
    const prefix = created.stdout.trim().split("\n").at(-1)!.slice(0, 11);
    const set = await gateway.cli([
      "key",
      "limits",
      prefix,
      "--rpm",
      "60",
      "--tpm",
      "100000",
      "--budget-usd",
      "12.5",
      "--log-bodies",
      "on",
    ]);
    expect(set.stdout).toBe(`${prefix} (cli-limits): rpm 60, tpm 100000, monthly budget $12.50, body logging on\n`);
    const cleared = await gateway.cli(["key", "limits", prefix, "--tpm", "none"]);
    expect(cleared.stdout).toBe(`${prefix} (cli-limits): rpm 60, tpm none, monthly budget $12.50, body logging on\n`);
    for (const bad of [
      ["--rpm", "-3"],
      ["--rpm", "2.5"],
      ["--budget-usd", "lots"],
      ["--log-bodies", "yes"],
    ]) {
      const refused = await gateway.cli(["key", "limits", prefix, ...bad]);
      expect(refused.code, `${bad.join(" ")}: ${refused.stdout}`).toBe(2);
    }
    expect((await gateway.cli(["key", "limits", "sy-00000000", "--rpm", "5"])).code).toBe(1);
  });

  it(
    "answers the 11th request in a minute with a 429 in each protocol's shape, with retry-after and rate-limit headers",
    { timeout: 180_000 },
    async () => {
      const key = await createKey(gateway, "ten-rpm", ["--rpm", "10"]);
      await atStartOfAFreshMinute();
      const replies = [];
      for (let index = 0; index < 10; index++) replies.push(await chat(gateway, key));
      expect(replies.map((reply) => reply.status)).toEqual(Array(10).fill(200));
      expect(replies.map((reply) => reply.headers.get("x-ratelimit-remaining-requests"))).toEqual([
        "9",
        "8",
        "7",
        "6",
        "5",
        "4",
        "3",
        "2",
        "1",
        "0",
      ]);
      expect(replies[0]!.headers.get("x-ratelimit-limit-requests")).toBe("10");
      // Within the minute: "59s", or "1m0s" for a request in its very first second (OpenAI's duration form).
      expect(replies[0]!.headers.get("x-ratelimit-reset-requests")).toMatch(/^(\d+s|1m0s)$/);

      const openai = await chat(gateway, key);
      expect(openai.status).toBe(429);
      expect(Number(openai.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(openai.headers.get("x-ratelimit-remaining-requests")).toBe("0");
      expect(await openai.json()).toEqual({
        error: {
          message: expect.stringMatching(/requests per minute: limit 10/),
          type: "rate_limit_error",
          param: null,
          code: "rate_limit_exceeded",
        },
      });
      const anthropic = await messages(gateway, key);
      expect(anthropic.status).toBe(429);
      expect(anthropic.headers.get("retry-after")).not.toBeNull();
      expect(await anthropic.json()).toEqual({
        type: "error",
        error: { type: "rate_limit_error", message: expect.stringMatching(/requests per minute/) },
      });
    },
  );

  it("passes the provider's limits on for keys without their own: x-ratelimit-* on every protocol, anthropic-ratelimit-* on /v1/messages", async () => {
    const reply = await chat(gateway, gateway.apiKey);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-ratelimit-limit-requests")).toBe(String(FAKE_REQUESTS_PER_MINUTE));
    expect(Number(reply.headers.get("x-ratelimit-remaining-requests"))).toBeLessThan(FAKE_REQUESTS_PER_MINUTE);
    expect(reply.headers.get("x-ratelimit-reset-requests")).toMatch(/^(\d+m)?\d+s$/);
    expect(reply.headers.get("x-ratelimit-limit-tokens")).toBe(String(FAKE_TOKENS_PER_MINUTE));
    expect(reply.headers.get("x-ratelimit-remaining-tokens")).toBe(String(FAKE_TOKENS_PER_MINUTE));

    const streamed = await fetch(`${gateway.url}/v3/router/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gateway.apiKey}` },
      body: JSON.stringify({
        model: "anthropic/claude-sonnet-4-6",
        stream: true,
        messages: [{ role: "user", content: "Hi" }],
      }),
    });
    expect(streamed.headers.get("x-ratelimit-limit-requests")).toBe(String(FAKE_REQUESTS_PER_MINUTE));
    await streamed.text();

    const anthropic = await messages(gateway, gateway.apiKey);
    expect(anthropic.status).toBe(200);
    expect(anthropic.headers.get("anthropic-ratelimit-requests-limit")).toBe(String(FAKE_REQUESTS_PER_MINUTE));
    expect(anthropic.headers.get("anthropic-ratelimit-tokens-reset")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(anthropic.headers.get("x-ratelimit-limit-tokens")).toBe(String(FAKE_TOKENS_PER_MINUTE));
  });

  it(
    "a key's own limit replaces the provider's in both header families; its other dimension stays the provider's",
    { timeout: 180_000 },
    async () => {
      const key = await createKey(gateway, "rpm-only", ["--rpm", "500"]);
      await atStartOfAFreshMinute();
      const reply = await chat(gateway, key);
      expect(reply.headers.get("x-ratelimit-limit-requests")).toBe("500");
      expect(reply.headers.get("x-ratelimit-remaining-requests")).toBe("499");
      expect(reply.headers.get("x-ratelimit-limit-tokens")).toBe(String(FAKE_TOKENS_PER_MINUTE));
      const anthropic = await messages(gateway, key);
      expect(anthropic.headers.get("anthropic-ratelimit-requests-limit")).toBe("500");
      expect(anthropic.headers.get("anthropic-ratelimit-requests-remaining")).toBe("498");
      expect(anthropic.headers.get("x-ratelimit-remaining-requests")).toBe("498");
      expect(anthropic.headers.get("anthropic-ratelimit-tokens-limit")).toBe(String(FAKE_TOKENS_PER_MINUTE));
    },
  );

  it("refuses requests once the tokens of the minute are used up", { timeout: 180_000 }, async () => {
    // The default fixture uses 14 input + 18 output tokens: the first request uses up 20.
    const key = await createKey(gateway, "twenty-tpm", ["--tpm", "20"]);
    await atStartOfAFreshMinute();
    const first = await chat(gateway, key);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit-tokens")).toBe("20");
    expect(first.headers.get("x-ratelimit-remaining-tokens")).toBe("20");
    // Tokens are charged when the request finishes, off the response path.
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 50 && !refused; attempt++) {
      const reply = await chat(gateway, key);
      if (reply.status === 429) refused = reply;
      else await sleep(100);
    }
    expect(refused?.headers.get("x-ratelimit-remaining-tokens")).toBe("0");
    expect((await refused!.json()).error.message).toMatch(/tokens per minute: limit 20, used 32/);
  });

  it("refuses requests once the monthly budget is spent, with insufficient_quota", { timeout: 180_000 }, async () => {
    // One default-fixture Sonnet request costs 14 × $3 + 18 × $15 per million = $0.000312.
    const key = await createKey(gateway, "tiny-budget", ["--budget-usd", "0.0003"]);
    expect((await chat(gateway, key)).status).toBe(200);
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 50 && !refused; attempt++) {
      const reply = await chat(gateway, key);
      if (reply.status === 429) refused = reply;
      else await sleep(100);
    }
    expect(await refused!.json()).toEqual({
      error: {
        message: expect.stringMatching(/monthly budget of \$0\.00/),
        type: "insufficient_quota",
        param: null,
        code: "insufficient_quota",
      },
    });
  });
});

describe.runIf(postgresUrl)("rate limits across two app instances on one PostgreSQL", () => {
  let gateway: GatewayUnderTest;
  let second: AppServer;

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: 3560, provider: "postgresql" });
    const env = Object.fromEntries(Object.entries(appEnv(gateway.database)).map(([key, value]) => [key, value ?? ""]));
    second = await startAppServer(env, 3561);
  }, 240_000);

  afterAll(async () => {
    await second?.stop();
    await gateway?.stop();
  });

  it(
    "a key limited to 10 requests per minute gets exactly 10 successes, then 429s, from both instances together",
    { timeout: 180_000 },
    async () => {
      const key = await createKey(gateway, "shared-ten-rpm", ["--rpm", "10"]);
      const instances = [gateway, second];
      await atStartOfAFreshMinute();
      // One request through each instance first, so both are known to count into the same row
      // (which instance wins a concurrent burst is up to the scheduler).
      const viaFirst = await chat(gateway, key);
      const viaSecond = await chat(second, key);
      expect([viaFirst.status, viaSecond.status]).toEqual([200, 200]);
      expect([
        viaFirst.headers.get("x-ratelimit-remaining-requests"),
        viaSecond.headers.get("x-ratelimit-remaining-requests"),
      ]).toEqual(["9", "8"]);
      // Then 22 at once, alternating between the instances: the counter row serializes them.
      const replies = await Promise.all(Array.from({ length: 22 }, (_, index) => chat(instances[index % 2]!, key)));
      const statuses = replies.map((reply) => reply.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(8);
      expect(statuses.filter((status) => status === 429)).toHaveLength(14);
      const remaining = replies
        .filter((reply) => reply.status === 200)
        .map((reply) => Number(reply.headers.get("x-ratelimit-remaining-requests")));
      expect(remaining.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      // And sequentially afterwards, from either instance: still refused.
      expect((await chat(second, key)).status).toBe(429);
      expect((await chat(gateway, key)).status).toBe(429);
    },
  );
});
