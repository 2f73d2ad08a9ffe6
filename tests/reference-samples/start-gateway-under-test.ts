import type { Db } from "@/lib/db";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import { startAppServer, type AppServer, type ServeCommand } from "../helpers/app-server";
import { runCli, type CliResult } from "../helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { appEnv, openTestDb } from "../helpers/test-env";

/** The BYOK Anthropic key the fake upstream accepts; it must never reach a gateway client. */
export const PROVIDER_SECRET = "sk-ant-api03-GATEWAYTEST-k3Jd9QmZx0Vw7Lp2-QRST";
export const CREDENTIAL_NAME = "Anthropic Production";

export type GatewayUnderTest = {
  /** The app's origin, e.g. `http://127.0.0.1:3430`. */
  url: string;
  /** A gateway API key (`sy-…`) created with the CLI. */
  apiKey: string;
  fake: FakeAnthropicServer;
  server: AppServer;
  database: TestDatabase;
  /** A client of the test's own on the install's database, opened on first use and closed by stop(). */
  readonly db: Db;
  /** Runs the `switchyard` CLI against this install's database. */
  cli(args: string[], stdin?: string): Promise<CliResult>;
  stop(): Promise<void>;
};

export type GatewayUnderTestOptions = {
  port: number;
  provider?: "sqlite" | "postgresql";
  /**
   * The Anthropic credential to configure, as an admin would with `switchyard provider add`:
   * its key (the fake accepts only {@link PROVIDER_SECRET}), or `false` for none.
   */
  credential?: { apiKey: string } | false;
  /** `switchyard gateway` (the gateway alone) instead of `switchyard start`. */
  command?: ServeCommand;
  /** Added to the server's environment, e.g. `GATEWAY_MAX_BODY_MB`. */
  serverEnv?: Record<string, string>;
};

/**
 * One install as an operator sets it up: a fresh database, an admin, a gateway key, an
 * Anthropic BYOK credential whose base URL is the fake upstream, and `switchyard start`.
 */
export async function startGatewayUnderTest(options: GatewayUnderTestOptions): Promise<GatewayUnderTest> {
  const database = await createTestDatabase(options.provider ?? "sqlite");
  const fake = await startFakeAnthropicServer({ apiKey: PROVIDER_SECRET });
  const cli = (args: string[], stdin?: string) => runCli(args, { env: appEnv(database), stdin });
  let server: AppServer | undefined;
  try {
    await cliOrThrow(
      cli(["user", "create", "--email", "admin@example.com", "--password-stdin", "--admin"], "admin-password"),
    );
    const apiKey = (await cliOrThrow(cli(["key", "create", "--name", "gateway-tests"]))).stdout
      .trim()
      .split("\n")
      .at(-1)!;
    const credential = options.credential ?? { apiKey: PROVIDER_SECRET };
    if (credential) await addAnthropicCredential(cli, fake.url, credential.apiKey);
    const env = Object.entries(appEnv(database)).map(([key, value]) => [key, value ?? ""]);
    server = await startAppServer({ ...Object.fromEntries(env), ...options.serverEnv }, options.port, options.command);
    const started = server;
    let db: Db | undefined;
    return {
      url: started.url,
      apiKey,
      fake,
      server: started,
      database,
      cli,
      get db() {
        db ??= openTestDb(database);
        return db;
      },
      async stop() {
        await db?.$disconnect();
        await started.stop();
        await fake.close();
        await database.dispose();
      },
    };
  } catch (error) {
    await server?.stop();
    await fake.close();
    await database.dispose();
    throw error;
  }
}

/** `switchyard provider add --provider anthropic --name "Anthropic Production" --api-key-stdin --base-url <fake>`. */
export function addAnthropicCredential(cli: GatewayUnderTest["cli"], baseUrl: string, apiKey: string) {
  return cliOrThrow(
    cli(
      [
        "provider",
        "add",
        "--provider",
        "anthropic",
        "--name",
        CREDENTIAL_NAME,
        "--api-key-stdin",
        "--base-url",
        baseUrl,
      ],
      apiKey,
    ),
  );
}

async function cliOrThrow(result: Promise<CliResult>): Promise<CliResult> {
  const settled = await result;
  if (settled.code !== 0) throw new Error(`switchyard CLI exited ${settled.code}: ${settled.stderr}`);
  return settled;
}
