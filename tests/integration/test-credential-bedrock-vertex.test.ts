/**
 * BYOK "Test connection" for Amazon Bedrock and Vertex AI credentials, stored in a real
 * database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), against the local fakes:
 * one free call each (Bedrock CountTokens, Vertex count-tokens after minting a token).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createCredential, updateCredential } from "@/lib/credentials/manage-credentials";
import { testCredential } from "@/lib/credentials/test-credential";
import { forgetGoogleAccessTokens } from "@/lib/gateway/providers/vertex/google-access-token";
import { startFakeBedrockServer, type FakeBedrockServer } from "../fake-upstream/fake-bedrock-server";
import {
  createTestServiceAccount,
  startFakeVertexServer,
  type FakeVertexServer,
} from "../fake-upstream/fake-vertex-server";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";

const AWS = {
  accessKeyId: "AKIATESTCONNECTION01",
  secretAccessKey: "test/connection+secret/000000000000000000",
  region: "eu-west-1",
};
const PROJECT = "switchyard-connection";

describe.each(testProviders)("Test connection for Bedrock and Vertex (%s)", (provider) => {
  let database: TestDatabase;
  let db: Db;
  let bedrock: FakeBedrockServer;
  let vertex: FakeVertexServer;
  const serviceAccount = createTestServiceAccount(PROJECT);

  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
    bedrock = await startFakeBedrockServer(AWS);
    vertex = await startFakeVertexServer({ serviceAccount, projectId: PROJECT, region: "europe-west1" });
  });
  afterAll(async () => {
    await bedrock.close();
    await vertex.close();
    await disposeDatabase({ database, db });
  });

  it("Bedrock: a signed CountTokens call succeeds and names the provider", async () => {
    const credential = await createCredential(db, {
      provider: "aws",
      name: "Bedrock EU",
      ...AWS,
      baseUrl: bedrock.url,
      inferenceProfile: "eu",
    });
    bedrock.reset();
    expect(await testCredential(db, credential.id)).toEqual({
      ok: true,
      message: "AWS Bedrock accepted the credential.",
      latencyMs: expect.any(Number),
    });
    expect(bedrock.requests.map((request) => bedrock.invocationOf(request))).toMatchObject([
      { operation: "count-tokens", modelId: "anthropic.claude-haiku-4-5-20251001-v1:0" },
    ]);
    expect(bedrock.requests[0]!.headers.authorization).toMatch(
      /Credential=AKIATESTCONNECTION01\/\d{8}\/eu-west-1\/bedrock\/aws4_request/,
    );
  });

  it("Bedrock: a wrong secret fails by the credential's name, the secret never echoed", async () => {
    const credential = await createCredential(db, {
      provider: "aws",
      name: "Bedrock stale",
      ...AWS,
      secretAccessKey: "STALE-secret-9876",
      baseUrl: bedrock.url,
    });
    const result = await testCredential(db, credential.id);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Amazon Bedrock rejected the credential "Bedrock stale" \(HTTP 403\)/);
    expect(result.message).not.toMatch(/STALE|9876|AKIA/);
  });

  it("Vertex: mints a token from the key file and counts tokens", async () => {
    forgetGoogleAccessTokens();
    const credential = await createCredential(db, {
      provider: "google",
      name: "Vertex EU",
      serviceAccountJson: serviceAccount.json,
      region: "europe-west1",
      baseUrl: vertex.url,
      tokenUrl: vertex.tokenUrl,
    });
    expect(credential.settings).toEqual({ region: "europe-west1", projectId: PROJECT, tokenUrl: vertex.tokenUrl });
    vertex.reset();
    expect(await testCredential(db, credential.id)).toEqual({
      ok: true,
      message: "Google Vertex AI accepted the credential.",
      latencyMs: expect.any(Number),
    });
    expect(vertex.requests.map((request) => request.path)).toEqual([
      "/token",
      `/v1/projects/${PROJECT}/locations/europe-west1/publishers/anthropic/models/count-tokens:rawPredict`,
    ]);
    expect(vertex.requests[1]!.body).toMatchObject({ model: "claude-haiku-4-5@20251001" });
  });

  it("Vertex: a key file the token endpoint does not know fails by the credential's name", async () => {
    forgetGoogleAccessTokens();
    const stranger = createTestServiceAccount(PROJECT);
    const credential = await createCredential(db, {
      provider: "google",
      name: "Vertex unknown key",
      serviceAccountJson: stranger.json,
      baseUrl: vertex.url,
      tokenUrl: vertex.tokenUrl,
    });
    const result = await testCredential(db, credential.id);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/"Vertex unknown key"/);
    expect(result.message).not.toContain("PRIVATE KEY");
  });

  it("settings round-trip: model id overrides and inference profile are stored, edited and cleared", async () => {
    const credential = await createCredential(db, {
      provider: "aws",
      name: "Bedrock overrides",
      ...AWS,
      modelIds: '{"claude-sonnet-4-6": "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/x1"}',
    });
    expect(credential.settings).toEqual({
      region: "eu-west-1",
      modelIds: { "claude-sonnet-4-6": "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/x1" },
    });
    const edited = await updateCredential(db, credential.id, { inferenceProfile: "eu", modelIds: "" });
    expect(edited.settings).toEqual({ region: "eu-west-1", inferenceProfile: "eu" });
    await expect(createCredential(db, { provider: "aws", name: "Bad", ...AWS, modelIds: "[1,2]" })).rejects.toThrow(
      /model id overrides must be a JSON object/,
    );
    await expect(
      createCredential(db, { provider: "aws", name: "Bad", ...AWS, inferenceProfile: "mars" }),
    ).rejects.toThrow(/inference profile must be one of/);
  });
});
