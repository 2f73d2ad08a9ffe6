import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "@/lib/project-root";
import { GATEWAY_ROUTES, matchGatewayRoute, routeHandler } from "./gateway-routes";

function routeFiles(directory: string): string[] {
  return readdirSync(path.join(projectRoot(), directory), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `${directory}/${file.split(path.sep).join("/")}`);
}

describe("GATEWAY_ROUTES", () => {
  it("lists exactly the route files under app/v2 and app/v3", () => {
    expect(GATEWAY_ROUTES.map((route) => route.file).sort()).toEqual(
      [...routeFiles("app/v2"), ...routeFiles("app/v3")].sort(),
    );
  });

  it("loads every route module with at least one HTTP method handler", async () => {
    for (const route of GATEWAY_ROUTES) {
      const routeModule = await route.load();
      const methods = Object.keys(routeModule).filter((name) => routeHandler(routeModule, name));
      expect(methods.length, route.file).toBeGreaterThan(0);
    }
  });
});

describe("matchGatewayRoute", () => {
  it.each([
    ["/v3/router/chat/completions", "app/v3/router/chat/completions/route.ts"],
    ["/v2/proxy/chat/completions", "app/v2/proxy/chat/completions/route.ts"],
    ["/v3/router/responses", "app/v3/router/responses/route.ts"],
    ["/v3/router/models", "app/v3/router/models/route.ts"],
    ["/v3/router/v1/messages", "app/v3/router/v1/messages/route.ts"],
    ["/v3/router/v1/messages/count_tokens", "app/v3/router/v1/messages/count_tokens/route.ts"],
    ["/v3/router/v1/models", "app/v3/router/v1/models/route.ts"],
    ["/v3/router/v1/models/claude-sonnet-4-6", "app/v3/router/v1/models/[...id]/route.ts"],
    ["/v3/router/v1/models/anthropic/claude-sonnet-4-5", "app/v3/router/v1/models/[...id]/route.ts"],
    ["/v3/router/v1/models/claude-3.5-sonnet", "app/v3/router/v1/models/[...id]/route.ts"],
    ["/v3/router/v1/batches", "app/v3/router/v1/[[...path]]/route.ts"],
    ["/v3/router/v1", "app/v3/router/v1/[[...path]]/route.ts"],
    ["/v3/router/embeddings", "app/v3/[[...path]]/route.ts"],
    ["/v3/router/chat/completions/extra", "app/v3/[[...path]]/route.ts"],
    ["/v3", "app/v3/[[...path]]/route.ts"],
    ["/v2/proxy/embeddings", "app/v2/[[...path]]/route.ts"],
    ["/v2", "app/v2/[[...path]]/route.ts"],
  ])("%s → %s", (pathname, file) => {
    expect(matchGatewayRoute(pathname)?.file).toBe(file);
  });

  it.each([
    "/",
    "/api/health",
    "/playground",
    "/v30/router/models",
    "/v3x",
    "/v3/router/chat/completions/",
    "/v3//router/models",
    "/v3/router/%6Dodels",
    "/v3/router/../router/models",
    "/v3/router/./models",
  ])("leaves %s to Next.js", (pathname) => {
    expect(matchGatewayRoute(pathname)).toBeUndefined();
  });
});
