import { readFileSync } from "node:fs";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import { runCli } from "../helpers/run-cli";
import { SQLITE_SERVER_ENV } from "./fixtures/accounts";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

/**
 * Issue 10: the logs screen (filters, detail drawer with the attempts timeline and bodies,
 * CSV export) and the usage dashboard (its charts drawn), in Chromium, over real gateway
 * traffic: a key made with the CLI, an Anthropic credential pointing at the fake upstream.
 */
const PROVIDER_SECRET = "sk-ant-api03-E2E-LOGS-0123456789abcdef-LOGS";
let fake: FakeAnthropicServer;
let credentialId: string;
let gatewayKey: string;
let keyName: string;

async function cli(args: string[], stdin?: string) {
  const result = await runCli(args, { env: SQLITE_SERVER_ENV, stdin });
  if (result.code !== 0) throw new Error(`switchyard ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

test.beforeAll(async ({ baseURL }) => {
  fake = await startFakeAnthropicServer({ apiKey: PROVIDER_SECRET });
  fake.addRule({
    match: (request) => (request.body as { model?: string }).model === "claude-haiku-4-5",
    scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
  });
  fake.addRule({
    match: (request) => request.rawBody.includes("use the cache"),
    scenario: { type: "fixture", fixture: "anthropic-cache-usage" },
  });
  const added = await cli(
    [
      "provider",
      "add",
      "--provider",
      "anthropic",
      "--name",
      "Logs e2e upstream",
      "--api-key-stdin",
      "--base-url",
      fake.url,
      "--default",
    ],
    PROVIDER_SECRET,
  );
  credentialId = added.match(/\(([^)]+)\), key/)![1]!;
  keyName = `logs-e2e-${Date.now()}`;
  gatewayKey = (await cli(["key", "create", "--name", keyName])).split("\n").at(-1)!;
  await cli(["key", "limits", gatewayKey.slice(0, 11), "--log-bodies", "on"]);

  const send = (path: string, body: object) =>
    fetch(`${baseURL}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${gatewayKey}`,
        "anthropic-version": "2023-06-01",
      },
      body: JSON.stringify(body),
    }).then((response) => response.text());
  const messages = (content: string) => [{ role: "user", content }];
  for (let index = 0; index < 6; index++) {
    await send("/v3/router/chat/completions", {
      model: "anthropic/claude-sonnet-4-6",
      messages: messages(`Question ${index}`),
      stream: index % 2 === 0,
    });
  }
  await send("/v3/router/chat/completions", {
    model: "anthropic/claude-haiku-4-5",
    messages: messages("Fall back please"),
    fallbacks: [{ model: "anthropic/claude-sonnet-4-6" }],
  });
  await send("/v3/router/v1/messages", {
    model: "anthropic/claude-sonnet-4-6",
    max_tokens: 64,
    messages: messages("Summarize, use the cache"),
  });
  await send("/v3/router/v1/messages", {
    model: "anthropic/claude-haiku-4-5",
    max_tokens: 64,
    messages: messages("This one fails"),
  });
});

test.afterAll(async () => {
  if (credentialId) await runCli(["provider", "remove", credentialId], { env: SQLITE_SERVER_ENV });
  await fake?.close();
});

test("the logs screen: filter by key and status, open a request's details, export the filtered rows as CSV", async ({
  page,
}) => {
  await page.goto("/gateway/logs");
  await expect(page.getByRole("heading", { name: "Logs" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "AI Gateway" }).getByRole("link", { name: "Logs" }),
  ).toHaveAttribute("aria-current", "page");

  const filters = page.getByRole("search", { name: "Filter requests" });
  const table = page.getByRole("table", { name: "Requests" });
  const keyOption = `${keyName} (${gatewayKey.slice(0, 11)})`;
  // The rows are written in batches off the response path: wait for the last of them.
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await filters.getByLabel("API key").selectOption({ label: keyOption });
    await expect(table.getByRole("row")).toHaveCount(10, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await screenshot(page, "logs-filtered-by-key", { fullPage: true });

  await filters.getByLabel("Status").selectOption({ label: "Errors (≥ 400)" });
  await expect(table.getByRole("row")).toHaveCount(2);
  // The failed /v1/messages call: Anthropic-native endpoints pass the provider's 529 through.
  await expect(table).toContainText("529");
  await filters.getByLabel("Status").selectOption({ label: "Any status" });
  await filters.getByLabel("Endpoint").selectOption("/v3/router/v1/messages");
  await expect(table.getByRole("row")).toHaveCount(3);
  await filters.getByLabel("Endpoint").selectOption({ label: "All endpoints" });
  await filters.getByLabel("Model").selectOption("anthropic/claude-haiku-4-5");
  await expect(table.getByRole("row")).toHaveCount(3);

  // The fallback request: two attempts, the first overloaded.
  const fallbackRow = table.getByRole("row").filter({ hasText: "2 attempts" });
  await fallbackRow.getByRole("button", { name: /details of this request/ }).click();
  const drawer = page.getByRole("dialog", { name: "Request details" });
  await expect(drawer).toBeVisible();
  const attempts = drawer.getByRole("list", { name: "Attempts" }).getByRole("listitem");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText("anthropic/claude-haiku-4-5");
  await expect(attempts.nth(0)).toContainText("503 provider_overloaded");
  await expect(attempts.nth(1)).toContainText("anthropic/claude-sonnet-4-6");
  await expect(drawer.getByRole("region", { name: "Request body" })).toContainText("Fall back please");
  await expect(drawer.getByRole("region", { name: "Response body" })).toContainText("Quantum");
  await expect(drawer).not.toContainText(gatewayKey);
  await screenshot(page, "logs-detail-drawer");
  await drawer.getByRole("button", { name: "Close" }).click();

  const downloadStarted = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/^switchyard-requests-.*\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(csv[0]).toMatch(/^time,key_name,key_prefix,endpoint,requested_model,served_model,attempts,status,/);
  expect(csv).toHaveLength(3);
  expect(csv.slice(1).every((line) => line.includes(keyName) && line.includes("anthropic/claude-haiku-4-5"))).toBe(
    true,
  );
});

test("at 1280 × 800 the model column shows a long Bedrock id whole, wrapped only at its slashes", async ({
  page,
  baseURL,
}) => {
  const bedrockModel = "aws/anthropic/claude-sonnet-4-5-20250929-v1:0";
  const wideKeyName = `logs-model-e2e-${Date.now()}`;
  const wideKey = (await cli(["key", "create", "--name", wideKeyName])).split("\n").at(-1)!;
  // No Bedrock credential: the request fails, and is logged with the model it asked for.
  await fetch(`${baseURL}/v3/router/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${wideKey}` },
    body: JSON.stringify({ model: bedrockModel, messages: [{ role: "user", content: "Hello" }] }),
  }).then((response) => response.text());

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/gateway/logs");
  const filters = page.getByRole("search", { name: "Filter requests" });
  const table = page.getByRole("table", { name: "Requests" });
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await filters.getByLabel("API key").selectOption({ label: `${wideKeyName} (${wideKey.slice(0, 11)})` });
    await expect(table.getByRole("row")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  const model = table.getByTitle(bedrockModel);
  await expect(model).toHaveText(bedrockModel);
  // Nothing of the id is clipped: the cell is as wide as its text, and the last segment is on one line.
  const clipped = await model.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(clipped).toBe(false);
  const lastSegment = model.getByText("claude-sonnet-4-5-20250929-v1:0", { exact: true });
  const box = (await lastSegment.boundingBox())!;
  expect(box.height).toBeLessThan(20);
  // …and the table still fits the screen without scrolling sideways.
  const scrolls = await table.evaluate(
    (element) => element.parentElement!.scrollWidth > element.parentElement!.clientWidth,
  );
  expect(scrolls).toBe(false);
  await screenshot(page, "logs-model-column-1280");
});

test("the usage dashboard draws its charts and totals", async ({ page }) => {
  await page.goto("/gateway/usage");
  await expect(page.getByRole("heading", { name: "Usage" })).toBeVisible();
  const totals = page.getByRole("definition").first();
  await expect(totals).not.toHaveText("0");
  for (const title of ["Requests per day", "Tokens per day", "Cost per day", "Caching", "Latency per day"]) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure).toBeVisible();
    // recharts drew something: bars, areas or lines inside the chart's SVG.
    await expect(
      figure.locator("svg.recharts-surface path, svg.recharts-surface rect.recharts-rectangle").first(),
    ).toBeVisible();
  }
  await expect(page.getByRole("definition").filter({ hasText: "$" }).first()).toBeVisible();
  await screenshot(page, "usage-dashboard-by-model", { fullPage: true });
  await page.getByLabel("Group by").selectOption("key");
  await expect(page.getByRole("figure", { name: "Requests per day" })).toContainText(gatewayKey.slice(0, 11));
  await screenshot(page, "usage-dashboard-by-key-dark", { fullPage: true, colorScheme: "dark" });
});

test("the API keys screen shows limits and lets an admin set them", async ({ page }) => {
  await page.goto("/gateway/api-keys");
  const row = page.getByRole("row").filter({ hasText: keyName });
  await expect(row).toContainText("bodies logged");
  await row.getByRole("button", { name: `Limits for ${keyName}` }).click();
  const dialog = page.getByRole("dialog", { name: `Limits for ${keyName}` });
  await dialog.getByLabel("Requests per minute").fill("120");
  await dialog.getByLabel("Monthly budget (US dollars)").fill("25");
  await screenshot(page, "api-key-limits-dialog");
  await dialog.getByRole("button", { name: "Save limits" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("120 rpm · $25/mo · bodies logged");
});

test("members: see none of the admin's requests, and may not change retention or limits", async ({ memberRequest }) => {
  const logs = await (await memberRequest.get("/api/request-logs?limit=200")).json();
  expect(
    logs.rows.filter((row: { key: { prefix: string } | null }) => row.key?.prefix === gatewayKey.slice(0, 11)),
  ).toEqual([]);
  const usage = await (await memberRequest.get("/api/usage")).json();
  expect(usage.totals.requests).toBe(logs.rows.length);
  const retention = await memberRequest.patch("/api/request-logs/retention", { data: { retentionDays: 1 } });
  expect(retention.status()).toBe(403);
  expect((await memberRequest.get("/api/request-logs/retention")).status()).toBe(200);
});
