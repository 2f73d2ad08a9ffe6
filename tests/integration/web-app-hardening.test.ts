/**
 * Hardening of the web app and accounts, against the production server (`switchyard start`):
 * request bodies of UI/API routes capped at 1 MB (import and attachments with their own caps),
 * over-long passwords refused before hashing, requests for foreign Host names refused, and
 * first-run setup through the browser only with the one-time token from the server's console.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { runCli } from "../helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { appEnv } from "../helpers/test-env";
import { postEndlessBody, within } from "../reference-samples/gateway-requests";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORTS = { caps: 3760, setup: 3761, generated: 3762 } as const;
const MiB = 1024 * 1024;

/** A raw HTTP request, so the Host header is what the test says (fetch would set its own). */
function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL(options.path, url),
      { method: options.method ?? "GET", headers: options.headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

describe("an installed server", () => {
  let gateway: GatewayUnderTest;
  let cookie: string;
  const ui = () => ({ cookie, origin: gateway.url });

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORTS.caps });
    cookie = await signInCookie(gateway.url, "admin@example.com", "admin-password");
  }, 240_000);
  afterAll(() => gateway?.stop());

  describe("request bodies", () => {
    it("refuses a 2 MB JSON body to a UI API route from its Content-Length, without waiting for it", async () => {
      const reply = await within(
        postEndlessBody(`${gateway.url}/api/api-keys`, ui(), { declaredBytes: 2 * MiB }),
        20_000,
        "the 413",
      );
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body).error.message).toMatch(/too large: at most 1 MB/);
      // Only the opening few bytes were ever sent: the answer came from the header alone.
      expect(reply.bytesSent).toBeLessThan(1024);
    });

    it("cuts off a chunked body to a UI API route soon after 1 MB (signed in or not)", async () => {
      for (const path of ["/api/api-keys", "/api/auth/sign-in"]) {
        const reply = await within(postEndlessBody(`${gateway.url}${path}`, ui(), {}), 20_000, `the 413 of ${path}`);
        expect(reply.status, path).toBe(413);
        expect(reply.bytesSent).toBeGreaterThan(MiB);
        expect(reply.bytesSent).toBeLessThan(16 * MiB);
      }
    });

    it("still takes a 2 MB body where the route needs one: session import and attachments", async () => {
      const imported = await fetch(`${gateway.url}/api/sessions/import`, {
        method: "POST",
        headers: { ...ui(), "content-type": "application/json" },
        body: JSON.stringify({ version: 1, padding: "a".repeat(2 * MiB) }),
      });
      // Read and judged on its content (not a session export), not refused for its size.
      expect(imported.status, await imported.clone().text()).toBe(400);
      expect((await imported.json()).error.message).toMatch(/not a Switchyard session export/);

      const form = new FormData();
      form.append("file", new File([new Uint8Array(2 * MiB)], "big.pdf", { type: "application/pdf" }));
      const uploaded = await fetch(`${gateway.url}/api/playground/attachments`, {
        method: "POST",
        headers: ui(),
        body: form,
      });
      expect(uploaded.status, await uploaded.clone().text()).not.toBe(413);

      // …and each has its own cap.
      const tooBigImport = await postEndlessBody(`${gateway.url}/api/sessions/import`, ui(), {
        declaredBytes: 65 * MiB,
      });
      expect(tooBigImport.status).toBe(413);
      const tooBigUpload = await postEndlessBody(`${gateway.url}/api/playground/attachments`, ui(), {
        declaredBytes: 40 * MiB,
      });
      expect(tooBigUpload.status).toBe(413);
    });
  });

  describe("passwords", () => {
    it("refuses a password of 1,025 characters with a 400 before hashing it", async () => {
      const long = "p".repeat(1025);
      const started = Date.now();
      const signIn = await fetch(`${gateway.url}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: gateway.url },
        body: JSON.stringify({ email: "admin@example.com", password: long }),
      });
      expect(signIn.status).toBe(400);
      expect((await signIn.json()).error.message).toBe("password: password must be at most 1024 characters");
      expect(Date.now() - started).toBeLessThan(10_000);

      const change = await fetch(`${gateway.url}/api/auth/password`, {
        method: "POST",
        headers: { ...ui(), "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: "admin-password", newPassword: long }),
      });
      expect(change.status).toBe(400);
      expect((await change.json()).error.param).toBe("newPassword");

      const cli = await gateway.cli(["user", "create", "--email", "long@example.com", "--password-stdin"], long);
      expect(cli.code).not.toBe(0);
      expect(cli.stderr).toMatch(/at most 1024 characters/);
      // 1,024 is still fine.
      const ok = await gateway.cli(
        ["user", "create", "--email", "long@example.com", "--password-stdin"],
        "p".repeat(1024),
      );
      expect(ok.code, ok.stderr).toBe(0);
    });
  });

  describe("Host", () => {
    it.each([
      ["/setup", "GET", undefined],
      ["/sign-in", "GET", undefined],
      ["/api/health", "GET", undefined],
      ["/api/auth/setup", "POST", "{}"],
      ["/api/api-keys", "GET", undefined],
      ["/v3/router/chat/completions", "POST", "{}"],
      ["/v3/router/v1/messages", "POST", "{}"],
    ])("refuses %s %s for Host: evil.example with a 421", async (path, method, body) => {
      const reply = await rawRequest(gateway.url, {
        method,
        path,
        headers: { host: `evil.example:${new URL(gateway.url).port}`, "content-type": "application/json", cookie },
        body,
      });
      expect(reply.status, reply.body).toBe(421);
      const json = JSON.parse(reply.body);
      if (path.endsWith("/v1/messages")) expect(json.type).toBe("error");
      else if (path.startsWith("/v3/")) expect(json.error.code).toBe("misdirected_request");
      else expect(json.error.code).toBe("misdirected");
    });

    it.each(["127.0.0.1", "localhost"])("answers for Host: %s", async (host) => {
      const reply = await rawRequest(gateway.url, {
        path: "/api/health",
        headers: { host: `${host}:${new URL(gateway.url).port}` },
      });
      expect(reply.status).toBe(200);
    });
  });
});

describe("first-run setup", () => {
  let database: TestDatabase;
  let server: AppServer | undefined;
  const env = () => Object.fromEntries(Object.entries(appEnv(database)).map(([key, value]) => [key, value ?? ""]));
  const setup = (body: Record<string, unknown>) =>
    fetch(`${server!.url}/api/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server!.url },
      body: JSON.stringify({ email: "first@example.com", password: "first-admin-password", ...body }),
    });

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
  });
  afterAll(async () => {
    await server?.stop();
    await database.dispose();
  });

  it("needs the token the server printed (SETUP_TOKEN here), once", { timeout: 240_000 }, async () => {
    const token = "setup-token-for-tests-0123456789";
    server = await startAppServer({ ...env(), SETUP_TOKEN: token }, PORTS.setup);
    expect(server.output()).toContain("enter the token set in SETUP_TOKEN");
    expect(server.output()).not.toContain(token);

    const missing = await setup({});
    expect(missing.status, await missing.clone().text()).toBe(403);
    expect((await missing.json()).error.message).toMatch(/setup token: the server printed it to its console/);
    const wrong = await setup({ setupToken: "not-the-token-at-all" });
    expect(wrong.status).toBe(403);
    expect(await fetch(`${server.url}/api/auth/sign-in`).then((response) => response.status)).not.toBe(500);

    const created = await setup({ setupToken: token });
    expect(created.status, await created.clone().text()).toBe(201);
    expect((await created.json()).user.role).toBe("admin");
    const again = await setup({ setupToken: token, email: "second@example.com" });
    expect(again.status).toBe(409);
    await server.stop();
    server = undefined;
  });

  it("prints a generated token while no admin exists, and it works once", { timeout: 240_000 }, async () => {
    const fresh = await createTestDatabase("sqlite");
    const freshEnv = Object.fromEntries(Object.entries(appEnv(fresh)).map(([key, value]) => [key, value ?? ""]));
    const started = await startAppServer(freshEnv, PORTS.generated);
    try {
      const printed = started.output().match(/First-run setup: open (\S+)\/setup and enter this token: (\S+)/);
      expect(printed, started.output()).not.toBeNull();
      expect(printed![1]).toBe(started.url);
      const post = (body: Record<string, unknown>) =>
        fetch(`${started.url}/api/auth/setup`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: started.url },
          body: JSON.stringify({ email: "first@example.com", password: "first-admin-password", ...body }),
        });
      // A mistake in the form does not spend the token.
      expect((await post({ setupToken: printed![2], password: "short" })).status).toBe(400);
      expect((await post({ setupToken: printed![2] })).status).toBe(201);
      // The CLI path needs no token.
      const cli = await runCli(["user", "create", "--email", "cli@example.com", "--password-stdin", "--admin"], {
        env: appEnv(fresh),
        stdin: "cli-admin-password",
      });
      expect(cli.code, cli.stderr).toBe(0);
    } finally {
      await started.stop();
      await fresh.dispose();
    }
  });
});
