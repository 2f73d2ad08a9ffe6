import { describe, expect, it } from "vitest";
import { GATEWAY_ROUTES, gatewayProtocolForPath, matchGatewayRequest } from "./gateway-routes";

const routeOf = (method: string, pathname: string) => {
  const match = matchGatewayRequest(method, pathname);
  return match?.kind === "route" ? `${match.route.method} ${match.route.path}` : match?.kind;
};

describe("matchGatewayRequest", () => {
  it.each([
    ["POST", "/v3/router/chat/completions", "POST /v3/router/chat/completions"],
    ["POST", "/v2/proxy/chat/completions", "POST /v2/proxy/chat/completions"],
    ["POST", "/v3/router/responses", "POST /v3/router/responses"],
    ["GET", "/v3/router/models", "GET /v3/router/models"],
    ["HEAD", "/v3/router/models", "GET /v3/router/models"],
    ["POST", "/v3/router/v1/messages", "POST /v3/router/v1/messages"],
    ["POST", "/v3/router/v1/messages/count_tokens", "POST /v3/router/v1/messages/count_tokens"],
    ["GET", "/v3/router/v1/models", "GET /v3/router/v1/models"],
    ["GET", "/v3/router/v1/models/claude-sonnet-4-6", "GET /v3/router/v1/models/*"],
    ["GET", "/v3/router/v1/models/anthropic/claude-sonnet-4-5", "GET /v3/router/v1/models/*"],
    ["GET", "/v3/router/v1/models/claude-3.5-sonnet", "GET /v3/router/v1/models/*"],
    ["POST", "/v3/router/v1/batches", "unknown-endpoint"],
    ["GET", "/v3/router/v1", "unknown-endpoint"],
    ["POST", "/v3/router/embeddings", "unknown-endpoint"],
    ["POST", "/v3/router/chat/completions/extra", "unknown-endpoint"],
    ["GET", "/v3", "unknown-endpoint"],
    ["POST", "/v2/proxy/embeddings", "unknown-endpoint"],
    ["DELETE", "/v2", "unknown-endpoint"],
    ["GET", "/v3/router/chat/completions", "method-not-allowed"],
    ["OPTIONS", "/v3/router/v1/messages", "method-not-allowed"],
    ["POST", "/v3/router/v1/models/claude-sonnet-4-6", "method-not-allowed"],
  ])("%s %s → %s", (method, pathname, expected) => {
    expect(routeOf(method, pathname)).toBe(expected);
  });

  it.each(["/", "/api/health", "/playground", "/v30/router/models", "/v3x", "/v2proxy"])(
    "%s is not the gateway's",
    (pathname) => {
      expect(matchGatewayRequest("GET", pathname)).toBeUndefined();
    },
  );

  it("lists the methods a path serves on a 405", () => {
    expect(matchGatewayRequest("PUT", "/v3/router/models")).toEqual({
      kind: "method-not-allowed",
      protocol: "openai",
      allowed: ["GET", "HEAD", "OPTIONS"],
    });
    expect(matchGatewayRequest("GET", "/v3/router/v1/messages")).toMatchObject({
      protocol: "anthropic",
      allowed: ["POST", "OPTIONS"],
    });
  });

  it("answers Anthropic's shape under /v3/router/v1 and OpenAI's elsewhere", () => {
    expect(gatewayProtocolForPath("/v3/router/v1/files")).toBe("anthropic");
    expect(gatewayProtocolForPath("/v3/router/v1")).toBe("anthropic");
    expect(gatewayProtocolForPath("/v3/router/v10")).toBe("openai");
    expect(gatewayProtocolForPath("/v2/proxy/x")).toBe("openai");
    for (const route of GATEWAY_ROUTES) expect(gatewayProtocolForPath(route.path), route.path).toBe(route.protocol);
  });
});
