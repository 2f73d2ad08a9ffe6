import { randomBytes } from "node:crypto";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import { ADMIN } from "./fixtures/accounts";
import { screenshot } from "./fixtures/screenshot";
import { leakedFragments, recordResponseBodies, secretFragments } from "./fixtures/response-bodies";
import { expect, test } from "./fixtures/test";

const PROVIDER_SECRET = `sk-ant-api03-E2E-SECRET-${randomBytes(16).toString("hex")}-WXYZ`;
const GATEWAY_KEY_PATTERN = /^sy-[0-9a-f]{8}-[A-Za-z0-9_-]{43}$/;

let fakeAnthropic: FakeAnthropicServer;
test.beforeAll(async () => {
  fakeAnthropic = await startFakeAnthropicServer({ apiKey: PROVIDER_SECRET });
});
test.afterAll(async () => {
  await fakeAnthropic?.close();
});

test.use({ storageState: { cookies: [], origins: [] }, permissions: ["clipboard-read", "clipboard-write"] });

test("first run → sign in → BYOK Anthropic Production shows only •••• WXYZ → a gateway key shown once → revoked", async ({
  page,
  adminSession,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!adminSession.createdThroughSetupPage) {
    test.info().annotations.push({
      type: "note",
      description: "The admin already existed (kept DATA_DIR), so /setup was not exercised; `npm test` starts fresh.",
    });
  }
  // Reruns against a kept DATA_DIR: start without an "Anthropic Production" from last time.
  const admin = await playwright.request.newContext({ baseURL, storageState: adminSession.storageStatePath });
  const { credentials } = (await (await admin.get("/api/credentials")).json()) as {
    credentials: Array<{ id: string; name: string }>;
  };
  for (const stale of credentials.filter((credential) => credential.name === "Anthropic Production")) {
    expect((await admin.delete(`/api/credentials/${stale.id}`)).status()).toBe(204);
  }
  await admin.dispose();
  const keyName = `E2E client ${Date.now().toString(36)}`;
  const received = recordResponseBodies(page);

  // First run is over: the setup page is gone for good and the API agrees.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$/);
  const secondSetup = await page.request.post("/api/auth/setup", {
    data: { email: "intruder@switchyard.test", password: "x".repeat(12) },
  });
  expect(secondSetup.status()).toBe(409);

  // Sign in, coming back to where we were headed.
  await page.goto("/gateway/byok");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgateway%2Fbyok$/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is wrong");
  await page.getByLabel("Password").fill(ADMIN.password);
  await screenshot(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/gateway\/byok$/);

  // AI Gateway › BYOK › Anthropic › Configure › "Setup your own API Key" › name › key › Save.
  await expect(page.getByRole("heading", { level: 1, name: "Bring your own key" })).toBeVisible();
  const anthropicCard = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Anthropic", exact: true }) });
  await anthropicCard.getByRole("button", { name: "Configure Anthropic" }).click();
  const dialog = page.getByRole("dialog", { name: "Configure Anthropic" });
  await expect(dialog.getByRole("heading", { name: "Setup your own API Key" })).toBeVisible();
  await dialog.getByLabel("Name").fill("Anthropic Production");
  await dialog.getByLabel("API key").fill(PROVIDER_SECRET);
  await expect(dialog.getByLabel("API key")).toHaveAttribute("type", "password");
  const defaultSwitch = dialog.getByRole("switch", { name: "Default for Anthropic" });
  if ((await defaultSwitch.getAttribute("aria-checked")) !== "true") await defaultSwitch.click();
  await expect(defaultSwitch).toHaveAttribute("aria-checked", "true");
  await screenshot(page, "byok-modal");
  await screenshot(page, "byok-modal-dark", { colorScheme: "dark" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole("table", { name: "Anthropic credentials" });
  const row = table.getByRole("row").filter({ hasText: "Anthropic Production" });
  await expect(row).toContainText("•••• WXYZ");
  await expect(row).toContainText("Default");
  await expect(row.getByRole("switch", { name: "Enabled: Anthropic Production" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(anthropicCard).toContainText(/\d+ configured/);

  // Edit without retyping the key: point it at a local fake Anthropic, which only accepts the original key.
  await row.getByRole("button", { name: "Edit Anthropic Production" }).click();
  const editDialog = page.getByRole("dialog", { name: "Edit Anthropic Production" });
  await expect(editDialog.getByLabel("API key")).toHaveValue("");
  await expect(editDialog.getByLabel("API key")).toHaveAttribute("placeholder", "•••• WXYZ (stored)");
  await expect(editDialog).toContainText("Leave blank to keep the stored value.");
  await editDialog.getByLabel("Base URL override").fill(fakeAnthropic.url);
  await editDialog.getByRole("button", { name: "Save" }).click();
  await expect(editDialog).toBeHidden();
  await expect(row).toContainText(fakeAnthropic.url);
  await expect(row).toContainText("•••• WXYZ");

  await row.getByRole("button", { name: "Test connection Anthropic Production" }).click();
  const result = table.getByRole("status");
  await expect(result).toContainText("Connection OK");
  await expect(result).toContainText(/\d+ ms/);
  const [upstreamCall] = await fakeAnthropic.waitForRequests(1);
  expect(upstreamCall!.headers["x-api-key"]).toBe(PROVIDER_SECRET);
  await screenshot(page, "byok-list", { fullPage: true });
  await screenshot(page, "byok-list-dark", { fullPage: true, colorScheme: "dark" });

  // Nothing the browser holds or received carries the secret beyond its last 4 characters.
  await page.reload();
  await expect(row).toContainText("•••• WXYZ");
  const fragments = secretFragments(PROVIDER_SECRET, "sk-ant-api03-");
  expect(leakedFragments(await page.content(), fragments)).toEqual([]);
  const jsonBodies = await received.json();
  expect(jsonBodies.some((body) => body.url.endsWith("/api/credentials"))).toBe(true);
  for (const body of await received.all()) {
    expect(leakedFragments(body.text, fragments), `secret in ${body.url}`).toEqual([]);
  }

  // A gateway key: created, shown once with a copy button, then gone from the page.
  await page.getByRole("navigation", { name: "AI Gateway" }).getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(/\/gateway\/api-keys$/);
  await page.getByRole("button", { name: "Create API Key" }).click();
  const createDialog = page.getByRole("dialog", { name: "Create API Key" });
  await createDialog.getByLabel("Name").fill(keyName);
  await createDialog.getByRole("button", { name: "Create API Key" }).click();
  const shownOnce = page.getByRole("dialog", { name: "Your new API key" });
  await expect(shownOnce).toContainText("won't be shown again");
  const keyInput = shownOnce.getByLabel("New API key");
  const gatewayKey = await keyInput.inputValue();
  expect(gatewayKey).toMatch(GATEWAY_KEY_PATTERN);
  await shownOnce.getByRole("button", { name: "Copy" }).click();
  await expect(shownOnce.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(gatewayKey);
  await screenshot(page, "api-key-shown-once");
  await screenshot(page, "api-key-shown-once-dark", { colorScheme: "dark" });
  await shownOnce.getByRole("button", { name: "Done" }).click();
  await expect(shownOnce).toBeHidden();
  expect(await page.content()).not.toContain(gatewayKey);
  expect(await page.evaluate((key) => document.body.innerText.includes(key), gatewayKey)).toBe(false);

  const keyRow = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: keyName });
  await expect(keyRow).toContainText(`${gatewayKey.split("-").slice(0, 2).join("-")}-…`);
  await expect(keyRow).toContainText(ADMIN.email);
  await expect(keyRow).toContainText("active");
  await screenshot(page, "api-keys-list", { fullPage: true });
  await screenshot(page, "api-keys-list-dark", { fullPage: true, colorScheme: "dark" });

  await keyRow.getByRole("button", { name: `Revoke ${keyName}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke ${keyName}?` });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(keyRow).toContainText("revoked");
  await expect(keyRow.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  // The key travelled once, in the creation response, and nowhere else.
  const carriers = (await received.all()).filter((body) => body.text.includes(gatewayKey));
  expect(carriers.map((body) => `${body.status} ${new URL(body.url).pathname}`)).toEqual(["201 /api/api-keys"]);
});
