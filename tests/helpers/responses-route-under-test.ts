import OpenAI from "openai";
import { gatewayFetch } from "@/tests/helpers/gateway-fetch";
import { clearApiKeyCache } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { createCredential } from "@/lib/credentials/manage-credentials";
import { forgetResolvedCredentials } from "@/lib/credentials/resolve-credential";
import { forgetProvidersWithCredentials } from "@/lib/gateway/routing/providers-with-credentials";
import { applyMigrations } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import {
  startFakeAnthropicServer,
  type FakeAnthropicServer,
  type RecordedRequest,
} from "@/tests/fake-upstream/fake-anthropic-server";
import { createTestDatabase } from "@/tests/helpers/test-database";
import { useAppEnv } from "@/tests/helpers/test-env";

export const PROVIDER_KEY = "sk-ant-api03-RESPONSES-TEST-key";

export type ResponsesRouteUnderTest = {
  upstream: FakeAnthropicServer;
  /** The official SDK, authenticated with a gateway key. */
  client: OpenAI;
  /** An SDK client with any key, e.g. a wrong one. */
  clientWithKey(apiKey: string): OpenAI;
  close(): Promise<void>;
};

/**
 * Test-only: the real route (`POST /v3/router/responses`: gateway key auth, fallbacks, error
 * rendering) called in-process through the SDK's `fetch` option — no Next server — on a fresh
 * SQLite database with a gateway key and a BYOK Anthropic credential whose base URL is the fake.
 */
export async function startResponsesRouteUnderTest(): Promise<ResponsesRouteUnderTest> {
  const database = await createTestDatabase("sqlite");
  await applyMigrations(database);
  const db = useAppEnv(database);
  clearApiKeyCache();
  forgetResolvedCredentials();
  forgetProvidersWithCredentials();
  const upstream = await startFakeAnthropicServer({ apiKey: PROVIDER_KEY });
  const admin = await createUser(db, { email: "admin@example.com", password: "admin-password", role: "admin" });
  const { key } = await createApiKey(db, admin.id, { name: "responses-tests" }, "operator");
  await createCredential(db, {
    provider: "anthropic",
    name: "Anthropic Production",
    apiKey: PROVIDER_KEY,
    baseUrl: upstream.url,
  });
  const clientWithKey = (apiKey: string) =>
    new OpenAI({
      apiKey,
      baseURL: "http://switchyard.test/v3/router",
      maxRetries: 0,
      fetch: (input, init) => gatewayFetch(new Request(input, init)),
    });
  return {
    upstream,
    client: clientWithKey(key),
    clientWithKey,
    async close() {
      await upstream.close();
      await db.$disconnect();
      await database.dispose();
    },
  };
}

/** The JSON body the fake upstream recorded. */
export const upstreamBody = (request: RecordedRequest | undefined) =>
  request?.body as Record<string, unknown> & { messages: unknown[] };
