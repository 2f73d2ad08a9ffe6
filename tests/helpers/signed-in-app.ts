import { afterEach, beforeEach, expect } from "vitest";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import { startAppServer, type AppServer } from "./app-server";
import { runCli } from "./run-cli";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { appEnv } from "./test-env";

export type SignedInApp = {
  readonly server: AppServer;
  readonly fake: FakeAnthropicServer;
  /** A same-origin call with the owner's session cookie (kept up to date). */
  call(pathname: string, init?: RequestInit): Promise<Response>;
  /** Starts the app again on the same database and port (after a kill, say). */
  restart(): Promise<void>;
};

/**
 * For the describe block that calls it: before each test a fresh database with an owner account
 * signed in, a fake Anthropic upstream as its BYOK credential, and the production app on `port`;
 * all of it torn down after each test.
 */
export function useSignedInApp(provider: "sqlite" | "postgresql", port: number, providerSecret: string): SignedInApp {
  let database: TestDatabase;
  let fake: FakeAnthropicServer;
  let server: AppServer | undefined;
  let cookie = "";
  const env = () => Object.fromEntries(Object.entries(appEnv(database)).map(([key, value]) => [key, value ?? ""]));

  async function call(pathname: string, init: RequestInit = {}) {
    const response = await fetch(`${server!.url}${pathname}`, {
      ...init,
      headers: { "content-type": "application/json", origin: server!.url, cookie, ...(init.headers ?? {}) },
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0]!;
    return response;
  }

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    fake = await startFakeAnthropicServer({ apiKey: providerSecret });
    const cli = (args: string[], stdin?: string) => runCli(args, { env: appEnv(database), stdin });
    expect(
      (await cli(["user", "create", "--email", "owner@example.com", "--password-stdin"], "owner-password")).code,
    ).toBe(0);
    const added = await cli(
      ["provider", "add", "--provider", "anthropic", "--name", "fake", "--api-key-stdin", "--base-url", fake.url],
      providerSecret,
    );
    expect(added.code, added.stderr).toBe(0);
    server = await startAppServer(env(), port);
    const signIn = await call("/api/auth/sign-in", {
      method: "POST",
      body: JSON.stringify({ email: "owner@example.com", password: "owner-password" }),
    });
    expect(signIn.status).toBe(200);
  }, 300_000); // the first start may build the app

  afterEach(async () => {
    await server?.stop();
    await fake.close();
    await database.dispose();
  });

  return {
    get server() {
      return server!;
    },
    get fake() {
      return fake;
    },
    call,
    async restart() {
      server = await startAppServer(env(), port);
    },
  };
}
