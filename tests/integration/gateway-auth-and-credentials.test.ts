/**
 * Gateway keys and BYOK credentials as the running gateway sees them, on SQLite and (with
 * TEST_DATABASE_URL) PostgreSQL: 401s in the caller's protocol, a missing credential, and a
 * credential the provider rejects. The install starts with no Anthropic credential.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders } from "../helpers/test-database";
import { callGateway, type GatewayReply, type Presented } from "../reference-samples/gateway-requests";
import {
  addAnthropicCredential,
  CREDENTIAL_NAME,
  startGatewayUnderTest,
  type GatewayUnderTest,
} from "../reference-samples/start-gateway-under-test";

const PORTS = { sqlite: 3441, postgresql: 3442 } as const;
/** A well-formed Anthropic key that the fake upstream does not accept. */
const REJECTED_PROVIDER_KEY = "sk-ant-api03-REJECTEDKEY-u8Hc2LqW5nT0aZ4e-MNOP";
const SONNET = "anthropic/claude-sonnet-4-6";
const ANTHROPIC_VERSION = { "anthropic-version": "2023-06-01" };

type Shape = "openai" | "anthropic";

const endpoints: Array<{ path: string; shape: Shape; body?: unknown; headers?: Record<string, string> }> = [
  {
    path: "/v3/router/chat/completions",
    shape: "openai",
    body: { model: SONNET, messages: [{ role: "user", content: "Hi" }] },
  },
  {
    path: "/v2/proxy/chat/completions",
    shape: "openai",
    body: { model: SONNET, messages: [{ role: "user", content: "Hi" }] },
  },
  { path: "/v3/router/models", shape: "openai" },
  {
    path: "/v3/router/v1/messages",
    shape: "anthropic",
    body: { model: SONNET, max_tokens: 64, messages: [{ role: "user", content: "Hi" }] },
    headers: ANTHROPIC_VERSION,
  },
  {
    path: "/v3/router/v1/messages/count_tokens",
    shape: "anthropic",
    body: { model: SONNET, messages: [{ role: "user", content: "Hi" }] },
    headers: ANTHROPIC_VERSION,
  },
];

function expectErrorShape(
  reply: GatewayReply,
  shape: Shape,
  expected: { status: number; openai: Record<string, unknown>; anthropicType: string; message: RegExp },
) {
  expect(reply.status, reply.text).toBe(expected.status);
  const body = reply.json();
  if (shape === "openai") {
    expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
    expect(body.error).toMatchObject(expected.openai);
  } else {
    expect(body).toMatchObject({ type: "error", error: { type: expected.anthropicType } });
  }
  expect(body.error.message).toMatch(expected.message);
}

describe.each(testProviders)("gateway keys and BYOK credentials on %s", (provider) => {
  let gateway: GatewayUnderTest;
  let revokedKey: string;

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORTS[provider], provider, credential: false });
    // Revoked before the server ever sees it, so no cached lookup can outlive the revocation.
    const created = await gateway.cli(["key", "create", "--name", "revoked"]);
    revokedKey = created.stdout.trim().split("\n").at(-1)!;
    const revoked = await gateway.cli(["key", "revoke", revokedKey.slice(0, 11)]);
    expect(revoked.code, revoked.stderr).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  const presentations: Array<{ presented: string; auth: () => Presented; message: RegExp }> = [
    { presented: "no key", auth: () => "none", message: /Missing API key/ },
    {
      presented: "a wrong Bearer key",
      auth: () => ({ bearer: "sy-00000000-notARealKeynotARealKeynotARealKeynotARealKey0" }),
      message: /Invalid API key/,
    },
    {
      presented: "a wrong x-api-key",
      auth: () => ({ xApiKey: "sy-00000000-notARealKeynotARealKeynotARealKeynotARealKey0" }),
      message: /Invalid API key/,
    },
    { presented: "a revoked key", auth: () => ({ bearer: revokedKey }), message: /has been revoked/ },
  ];

  it.each(endpoints.flatMap((endpoint) => presentations.map((presentation) => ({ ...endpoint, ...presentation }))))(
    "$path with $presented → 401 in the $shape shape",
    async ({ path, shape, body, headers, auth, message }) => {
      const reply = await callGateway(gateway, path, { body, headers, auth: auth() });
      expectErrorShape(reply, shape, {
        status: 401,
        openai: { type: "invalid_request_error", code: "invalid_api_key" },
        anthropicType: "authentication_error",
        message,
      });
      expect(gateway.fake.requests).toEqual([]);
    },
  );

  it("accepts the key as Bearer and as x-api-key", async () => {
    for (const auth of [{ bearer: gateway.apiKey }, { xApiKey: gateway.apiKey }]) {
      const reply = await callGateway(gateway, "/v3/router/models", { auth });
      expect(reply.status, reply.text).toBe(200);
    }
  });

  it("says what to configure when no Anthropic credential exists; names a credential Anthropic rejects, never its key", async () => {
    const chat = endpoints[0]!;
    const messages = endpoints[3]!;
    const send = (endpoint: (typeof endpoints)[number], auth: Presented) =>
      callGateway(gateway, endpoint.path, { body: endpoint.body, headers: endpoint.headers, auth });

    const notConfigured = {
      status: 400,
      openai: { type: "invalid_request_error", code: "provider_not_configured", param: "model" },
      anthropicType: "invalid_request_error",
      message: /No enabled Anthropic credential is configured.*BYOK.*switchyard provider add --provider anthropic/,
    };
    expectErrorShape(await send(chat, { bearer: gateway.apiKey }), "openai", notConfigured);
    expectErrorShape(await send(messages, { xApiKey: gateway.apiKey }), "anthropic", notConfigured);
    expect(gateway.fake.requests).toEqual([]);

    await addAnthropicCredential(gateway.cli, gateway.fake.url, REJECTED_PROVIDER_KEY);
    // Credentials are cached for at most a second: wait for the server to see the new one.
    const rejected = await eventually(
      () => send(chat, { bearer: gateway.apiKey }),
      (reply) => reply.status !== 400,
    );
    const authenticationFailed = {
      status: 502,
      openai: { type: "upstream_error", code: "provider_authentication_failed" },
      anthropicType: "api_error",
      message: new RegExp(`rejected the credential "${CREDENTIAL_NAME}"`),
    };
    expectErrorShape(rejected, "openai", authenticationFailed);
    const rejectedOnMessages = await send(messages, { xApiKey: gateway.apiKey });
    expectErrorShape(rejectedOnMessages, "anthropic", authenticationFailed);

    expect(gateway.fake.requests.map((request) => request.headers["x-api-key"])).toEqual(
      gateway.fake.requests.map(() => REJECTED_PROVIDER_KEY),
    );
    const keyBody = REJECTED_PROVIDER_KEY.slice("sk-ant-api03-".length);
    for (const reply of [rejected, rejectedOnMessages]) {
      expect(reply.text).not.toContain(keyBody);
      expect(JSON.stringify([...reply.headers])).not.toContain(keyBody);
    }
    expect(gateway.server.output()).not.toContain(keyBody);
  });
});

/** Repeats `attempt` until `done` holds (5 s at most). */
async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
