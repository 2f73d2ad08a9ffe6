/**
 * GATEWAY_MAX_BODY_MB: the request body limit is configurable (default 32 MB, see
 * gateway-behaviour.test.ts). Here the app runs with a 1 MB limit.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callGateway, postEndlessBody, within } from "../reference-samples/gateway-requests";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORT = 3444;
const MiB = 1024 * 1024;

let gateway: GatewayUnderTest;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT, serverEnv: { GATEWAY_MAX_BODY_MB: "1" } });
}, 240_000);
afterAll(() => gateway?.stop());
beforeEach(() => gateway.fake.reset());

/** A valid request whose JSON body is `bytes` long. */
function bodyOfSize(path: string, bytes: number): string {
  const skeleton = (text: string) =>
    path.endsWith("/responses")
      ? JSON.stringify({ model: "anthropic/claude-sonnet-4-6", input: text })
      : JSON.stringify({
          model: "anthropic/claude-sonnet-4-6",
          max_tokens: 64,
          messages: [{ role: "user", content: text }],
        });
  return skeleton("a".repeat(bytes - skeleton("").length));
}

const paths = ["/v3/router/chat/completions", "/v3/router/responses", "/v3/router/v1/messages"];
const anthropicVersion = { "anthropic-version": "2023-06-01" };

describe("GATEWAY_MAX_BODY_MB=1", () => {
  it.each(paths)("%s serves a body just under 1 MB", async (path) => {
    const rawBody = bodyOfSize(path, MiB - 100);
    expect(Buffer.byteLength(rawBody)).toBe(MiB - 100);
    const reply = await callGateway(gateway, path, { rawBody, headers: anthropicVersion });
    expect(reply.status, reply.text).toBe(200);
    expect(gateway.fake.requests).toHaveLength(1);
  });

  it.each(paths)(
    "%s refuses a body just over 1 MB with a 413 that states the limit, before any upstream call",
    async (path) => {
      const reply = await callGateway(gateway, path, {
        rawBody: bodyOfSize(path, MiB + 100),
        headers: anthropicVersion,
      });
      expect(reply.status, reply.text).toBe(413);
      const error = reply.json().error;
      expect(error.message).toBe("Request body is larger than this gateway's limit of 1 MB.");
      expect(error.type).toBe(path.endsWith("/v1/messages") ? "request_too_large" : "invalid_request_error");
      expect(gateway.fake.requests).toEqual([]);
    },
  );

  it("cuts off a chunked body that never ends soon after 1 MB, not at the default 32 MB", async () => {
    const reply = await within(
      postEndlessBody(`${gateway.url}/v3/router/chat/completions`, { authorization: `Bearer ${gateway.apiKey}` }, {}),
      20_000,
      "the 413",
    );
    expect(reply.status).toBe(413);
    expect(reply.bytesSent).toBeGreaterThan(MiB);
    // The sender writes 1 MiB chunks into socket buffers until the answer arrives.
    expect(reply.bytesSent).toBeLessThan(16 * MiB);
    expect(gateway.fake.requests).toEqual([]);
  });
});
