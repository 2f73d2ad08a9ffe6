import { readFileSync } from "node:fs";
import path from "node:path";
import { listAppRoutes, type AppRoute } from "./fixtures/app-routes";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

/**
 * Who may reach each route. Every page.tsx and route.ts under app/ must be listed here (or
 * fall under /v2 or /v3, the gateway API, which answers 401 to anyone without a gateway key),
 * so a new route cannot ship without deciding who may use it.
 */
type Access = { access: "signed-in" | "admin" } | { access: "public"; anonymous: Partial<Record<string, number[]>> };

const PAGES: Record<string, Access> = {
  "/": { access: "signed-in" },
  "/playground": { access: "signed-in" },
  "/sessions": { access: "signed-in" },
  "/settings": { access: "signed-in" },
  "/gateway": { access: "signed-in" },
  "/gateway/api-keys": { access: "signed-in" },
  "/gateway/quickstart": { access: "signed-in" },
  "/gateway/byok": { access: "admin" },
  "/settings/users": { access: "admin" },
  "/gateway/logs": { access: "signed-in" },
  "/gateway/usage": { access: "signed-in" },
  "/sign-in": { access: "public", anonymous: { GET: [200] } },
  // First run only: afterwards it sends everyone to sign-in.
  "/setup": { access: "public", anonymous: { GET: [200, 307] } },
  // Shared sessions are public by design; an unknown (or revoked, expired) token is a 404.
  "/s/[token]": { access: "public", anonymous: { GET: [404] } },
};

const API_ROUTES: Record<string, Access> = {
  "/api/health": { access: "public", anonymous: { GET: [200] } },
  // Prometheus metrics need no key, like the health check (docs/observability.md); the route
  // file serves them under next dev, the production server answers before Next.js.
  "/metrics": { access: "public", anonymous: { GET: [200] } },
  "/api/auth/sign-in": { access: "public", anonymous: { POST: [400] } },
  "/api/auth/setup": { access: "public", anonymous: { POST: [400, 409] } },
  "/api/auth/sign-out": { access: "public", anonymous: { POST: [200] } },
  "/api/auth/password": { access: "signed-in" },
  "/api/me": { access: "signed-in" },
  "/api/api-keys": { access: "signed-in" },
  "/api/api-keys/[id]/revoke": { access: "signed-in" },
  "/api/api-keys/[id]/limits": { access: "admin" },
  "/api/users": { access: "admin" },
  "/api/users/[id]/limits": { access: "admin" },
  // GET for everyone signed in (whether members may create keys); PATCH is admin-only
  // (tests/integration/user-limits-and-sign-in-throttle.test.ts).
  "/api/settings/api-keys": { access: "signed-in" },
  // Members get their own keys' rows only (tests/integration/request-log-queries.test.ts).
  "/api/request-logs": { access: "signed-in" },
  "/api/request-logs/[id]": { access: "signed-in" },
  "/api/request-logs/export": { access: "signed-in" },
  "/api/request-logs/models": { access: "signed-in" },
  // GET for everyone signed in; PATCH is admin-only (tests/e2e/logs-and-usage.spec.ts).
  "/api/request-logs/retention": { access: "signed-in" },
  "/api/usage": { access: "signed-in" },
  "/api/credentials": { access: "admin" },
  "/api/users/[id]": { access: "admin" },
  "/api/users/[id]/password": { access: "admin" },
  "/api/credentials/[id]": { access: "admin" },
  "/api/credentials/[id]/test": { access: "admin" },
  "/api/playground/models": { access: "signed-in" },
  "/api/playground/sessions": { access: "signed-in" },
  "/api/playground/sessions/[id]": { access: "signed-in" },
  "/api/playground/sessions/[id]/turns": { access: "signed-in" },
  // Compare columns and their promotion: the owner's sessions only (tests/integration/playground-sessions.test.ts).
  "/api/playground/sessions/[id]/compare": { access: "signed-in" },
  "/api/playground/sessions/[id]/compare/promote": { access: "signed-in" },
  "/api/playground/attachments": { access: "signed-in" },
  "/api/playground/attachments/[id]": { access: "signed-in" },
  "/api/sessions": { access: "signed-in" },
  "/api/sessions/import": { access: "signed-in" },
  "/api/sessions/[id]": { access: "signed-in" },
  "/api/sessions/[id]/restore": { access: "signed-in" },
  "/api/sessions/[id]/duplicate": { access: "signed-in" },
  "/api/sessions/[id]/export": { access: "signed-in" },
  "/api/sessions/[id]/share": { access: "signed-in" },
  "/api/shares/[token]/fork": { access: "signed-in" },
  // A shared session's files, through its link only.
  "/s/[token]/attachments/[id]": { access: "public", anonymous: { GET: [404] } },
};

const isGatewayApi = (route: AppRoute) => /^\/v[23](\/|$)/.test(route.pattern);
const appDirectory = path.resolve("app");
const routes = listAppRoutes(appDirectory, (file) => readFileSync(file, "utf8"));

function expectationFor(route: AppRoute): Access | "gateway-key" | undefined {
  if (route.kind === "api" && isGatewayApi(route)) return "gateway-key";
  return (route.kind === "page" ? PAGES : API_ROUTES)[route.pattern];
}

test("every route under app/ has a stated access rule", () => {
  expect(routes.length).toBeGreaterThan(10);
  const unlisted = routes.filter((route) => expectationFor(route) === undefined);
  expect(
    unlisted.map((route) => `${route.file} (${route.kind} ${route.pattern})`),
    "these routes are not in the table in tests/e2e/route-authorization.spec.ts: say who may reach them",
  ).toEqual([]);
  const methodless = routes.filter((route) => route.methods.length === 0);
  expect(
    methodless.map((route) => route.file),
    "route files exporting no HTTP method the scan recognises",
  ).toEqual([]);
});

test("anonymous visitors: pages send them to sign-in, internal APIs answer 401, the gateway API 401", async ({
  anonymousRequest,
}) => {
  const failures: string[] = [];
  for (const route of routes) {
    const expectation = expectationFor(route);
    if (!expectation) continue;
    for (const method of route.methods) {
      const response = await anonymousRequest.fetch(route.url, { method, maxRedirects: 0, failOnStatusCode: false });
      const status = response.status();
      const where = `${method} ${route.url} (${route.file})`;
      if (expectation === "gateway-key" || (route.kind === "api" && expectation.access !== "public")) {
        if (status !== 401) failures.push(`${where}: expected 401, got ${status}`);
        else if (expectation !== "gateway-key" && (await response.json()).error?.code !== "unauthorized") {
          failures.push(`${where}: 401 without our JSON error body`);
        }
      } else if (expectation.access === "public") {
        const allowed = expectation.anonymous[method] ?? [];
        if (!allowed.includes(status)) failures.push(`${where}: expected ${allowed.join(" or ")}, got ${status}`);
        if (status >= 300 && status < 400 && !response.headers().location?.startsWith("/sign-in")) {
          failures.push(`${where}: redirected to ${response.headers().location}`);
        }
      } else {
        const location = response.headers().location ?? "";
        const expected = `/sign-in?next=${encodeURIComponent(route.url)}`;
        if (status !== 307 || location !== expected)
          failures.push(`${where}: expected 307 to ${expected}, got ${status} ${location}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("anything under /v2 and /v3 answers 401 without a gateway key, known endpoint or not", async ({
  anonymousRequest,
}) => {
  const requests = [
    "POST /v3/router/responses",
    "POST /v3/router/chat/completions",
    "GET /v3/router/models",
    "POST /v3/router/v1/messages",
    "POST /v3/router/v1/messages/count_tokens",
    "GET /v3/router/v1/models",
    "GET /v3/router/v1/models/anthropic/claude-sonnet-4-6",
    "POST /v2/proxy/chat/completions",
    // Unknown paths (catch-all routes): 401 before their JSON 404.
    ...[
      "/v3/router/v1/no-such-endpoint",
      "/v3/router/no-such-endpoint",
      "/v3/router",
      "/v3",
      "/v3/anything/else",
    ].flatMap((url) => [`GET ${url}`, `POST ${url}`]),
    ...["/v2/proxy/no-such-endpoint", "/v2"].flatMap((url) => [`GET ${url}`, `POST ${url}`]),
  ];
  const failures: string[] = [];
  for (const request of requests) {
    const [method, url] = request.split(" ") as [string, string];
    const response = await anonymousRequest.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false });
    const contentType = response.headers()["content-type"] ?? "";
    if (response.status() !== 401 || !contentType.startsWith("application/json")) {
      failures.push(`${request}: expected a JSON 401, got ${response.status()} ${contentType}`);
    }
  }
  expect(failures).toEqual([]);
});

test("members: admin APIs answer 403 and the BYOK page refuses them; their own pages work", async ({
  memberRequest,
}) => {
  const me = await (await memberRequest.get("/api/me")).json();
  expect(me.user.role).toBe("member");
  const failures: string[] = [];
  for (const route of routes) {
    const expectation = expectationFor(route);
    if (!expectation || expectation === "gateway-key" || expectation.access === "public") continue;
    for (const method of route.methods) {
      const response = await memberRequest.fetch(route.url, { method, maxRedirects: 0, failOnStatusCode: false });
      const status = response.status();
      const where = `${method} ${route.url} (${route.file})`;
      if (route.kind === "api" && expectation.access === "admin") {
        if (status !== 403) failures.push(`${where}: expected 403, got ${status}`);
        else if ((await response.json()).error?.code !== "forbidden")
          failures.push(`${where}: 403 without our JSON error body`);
      } else if (route.kind === "page" && expectation.access === "admin") {
        // forbidden() (experimental.authInterrupts) → a 403 status with app/forbidden.tsx's notice.
        const html = await response.text();
        if (status !== 403 || !html.includes("Admins only"))
          failures.push(`${where}: expected 403 with the notice, got ${status}`);
        if (html.includes("Bring your own key")) failures.push(`${where}: rendered the admin screen`);
      } else if (route.kind === "page") {
        const location = response.headers().location ?? "";
        if (status !== 200 && !(status === 307 && !location.startsWith("/sign-in"))) {
          failures.push(`${where}: expected the page, got ${status} ${location}`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
});

test("a member sees the 403 notice on BYOK and no BYOK tab", async ({ browser, baseURL, memberSession }) => {
  const context = await browser.newContext({ baseURL, storageState: memberSession.storageStatePath });
  const page = await context.newPage();
  await page.goto("/gateway");
  await expect(page).toHaveURL(/\/gateway\/api-keys$/);
  const tabs = page.getByRole("navigation", { name: "AI Gateway" });
  await expect(tabs.getByRole("link", { name: "API keys" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "BYOK" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "API keys" }).or(page.getByText("No API keys yet"))).toBeVisible();
  const byok = await page.goto("/gateway/byok");
  expect(byok?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Account" })).toContainText("member");
  await screenshot(page, "byok-member-forbidden");
  await context.close();
});
