import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as v2 from "@/app/v2/[[...path]]/route";
import * as v3 from "@/app/v3/[[...path]]/route";
import { GATEWAY_ROUTES } from "@/lib/gateway/gateway-routes";
import { projectRoot } from "@/lib/project-root";

const routeFiles = (directory: string) =>
  readdirSync(path.join(projectRoot(), directory), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `${directory}/${file.split(path.sep).join("/")}`);

type CatchAll = Record<
  string,
  (request: Request, context: { params: Promise<{ path?: string[] }> }) => Promise<Response>
>;

/** Calls a catch-all route file's export as Next.js would. */
function callNext(module: CatchAll, method: string, pathname: string, headers: Record<string, string> = {}) {
  const handler = module[method]!;
  const [, , ...segments] = pathname.split("/");
  const request = new Request(`http://gateway.test${pathname}`, {
    method,
    headers,
    body: method === "POST" ? "{}" : undefined,
  });
  return handler(request, { params: Promise.resolve({ path: segments }) });
}

const moduleFor = (pathname: string) => (pathname.startsWith("/v2/") ? v2 : v3) as unknown as CatchAll;

describe("app/ and the gateway's route table", () => {
  it("app/ holds one catch-all route per gateway prefix and nothing else", () => {
    expect([...routeFiles("app/v2"), ...routeFiles("app/v3")].sort()).toEqual([
      "app/v2/[[...path]]/route.ts",
      "app/v3/[[...path]]/route.ts",
    ]);
  });

  it.each(
    GATEWAY_ROUTES.map((route) => [route.method, route.path.replace(/\/\*$/, "/claude-sonnet-4-6"), route.protocol]),
  )("Next.js serves %s %s from the table (401 in %s's shape without a key)", async (method, pathname, protocol) => {
    const response = await callNext(moduleFor(pathname), method, pathname);
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    if (protocol === "anthropic")
      expect(body).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    else expect(body).toMatchObject({ error: { type: expect.any(String), code: expect.anything() } });
  });

  it("a method a path does not serve is a 405 with Allow and a body, under Next.js too", async () => {
    const response = await callNext(v3 as unknown as CatchAll, "GET", "/v3/router/chat/completions");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect(await response.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  });
});
