import { startFakeBedrockServer, type FakeBedrockServer } from "../fake-upstream/fake-bedrock-server";
import {
  createTestServiceAccount,
  startFakeVertexServer,
  type FakeVertexServer,
} from "../fake-upstream/fake-vertex-server";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

const AWS = {
  accessKeyId: "AKIAE2EBEDROCK000001",
  secretAccessKey: "e2e/bedrock+secret/key/0000000000000WXYZ",
  region: "us-east-1",
};
const PROJECT = "switchyard-e2e";
const serviceAccount = createTestServiceAccount(PROJECT);
const suffix = Date.now().toString(36);

let bedrock: FakeBedrockServer;
let vertex: FakeVertexServer;
test.beforeAll(async () => {
  bedrock = await startFakeBedrockServer(AWS);
  vertex = await startFakeVertexServer({ serviceAccount, projectId: PROJECT, region: "global" });
});
test.afterAll(async () => {
  await bedrock?.close();
  await vertex?.close();
});

test("an admin configures Amazon Bedrock and Google Vertex AI, and Test connection works for both", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/gateway/byok");

  // AWS Bedrock › Configure: access key, secret, region, inference profile, base URL → the fake.
  const bedrockName = `Bedrock ${suffix}`;
  await page.getByRole("button", { name: "Configure AWS Bedrock" }).click();
  const awsDialog = page.getByRole("dialog", { name: "Configure AWS Bedrock" });
  await awsDialog.getByLabel("Name").fill(bedrockName);
  await awsDialog.getByLabel("Access key ID").fill(AWS.accessKeyId);
  await awsDialog.getByLabel("Secret access key").fill(AWS.secretAccessKey);
  await expect(awsDialog.getByLabel("Region")).toHaveValue("us-east-1");
  await awsDialog.getByLabel("Inference profile").fill("us");
  await awsDialog.getByLabel("Model ID overrides").fill('{"claude-opus-4-6": "us.anthropic.claude-opus-4-6-v1"}');
  await awsDialog.getByLabel("Base URL override").fill(bedrock.url);
  await screenshot(page, "byok-bedrock-modal");
  await awsDialog.getByRole("button", { name: "Save" }).click();
  await expect(awsDialog).toBeHidden();

  const awsTable = page.getByRole("table", { name: "AWS Bedrock credentials" });
  const awsRow = awsTable.getByRole("row").filter({ hasText: bedrockName });
  await expect(awsRow).toContainText("•••• WXYZ");
  await awsRow.getByRole("button", { name: `Test connection ${bedrockName}` }).click();
  await expect(awsTable.getByRole("status")).toContainText("Connection OK");
  const [signed] = await bedrock.waitForRequests(1);
  expect(signed!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAE2EBEDROCK000001\//);

  // Google Vertex AI › Configure: the key file, region global, base and token URLs → the fake.
  const vertexName = `Vertex ${suffix}`;
  await page.getByRole("button", { name: "Configure Google Vertex AI" }).click();
  const googleDialog = page.getByRole("dialog", { name: "Configure Google Vertex AI" });
  await googleDialog.getByLabel("Name").fill(vertexName);
  await googleDialog.getByLabel("Service account JSON").fill(serviceAccount.json);
  await expect(googleDialog.getByLabel("Region")).toHaveValue("global");
  await googleDialog.getByLabel("Base URL override").fill(vertex.url);
  await googleDialog.getByLabel("Token URL override").fill(vertex.tokenUrl);
  await screenshot(page, "byok-vertex-modal");
  await googleDialog.getByRole("button", { name: "Save" }).click();
  await expect(googleDialog).toBeHidden();

  const googleTable = page.getByRole("table", { name: "Google Vertex AI credentials" });
  const googleRow = googleTable.getByRole("row").filter({ hasText: vertexName });
  await googleRow.getByRole("button", { name: `Test connection ${vertexName}` }).click();
  await expect(googleTable.getByRole("status")).toContainText("Connection OK");
  expect(vertex.mintedTokens.length).toBeGreaterThan(0);
  await screenshot(page, "byok-bedrock-vertex-list", { fullPage: true });

  // Editing shows the stored settings (never the secrets) and keeps the secrets when left blank.
  await awsRow.getByRole("button", { name: `Edit ${bedrockName}` }).click();
  const editDialog = page.getByRole("dialog", { name: `Edit ${bedrockName}` });
  await expect(editDialog.getByLabel("Secret access key")).toHaveValue("");
  await expect(editDialog.getByLabel("Inference profile")).toHaveValue("us");
  await expect(editDialog.getByLabel("Model ID overrides")).toHaveValue(
    '{"claude-opus-4-6":"us.anthropic.claude-opus-4-6-v1"}',
  );
  await editDialog.getByLabel("Model ID overrides").fill("");
  await editDialog.getByRole("button", { name: "Save" }).click();
  await expect(editDialog).toBeHidden();
  await awsRow.getByRole("button", { name: `Test connection ${bedrockName}` }).click();
  await expect(awsTable.getByRole("status")).toContainText("Connection OK");
  expect(await page.content()).not.toContain(AWS.secretAccessKey);
});
