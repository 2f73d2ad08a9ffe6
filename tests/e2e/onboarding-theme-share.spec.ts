import { createUserWithCli, signInThroughPage, uniqueEmail } from "./fixtures/accounts";
import { useFakeAnthropicCredential } from "./fixtures/fake-anthropic-credential";
import { expect as baseExpect, test } from "./fixtures/test";

const expect = baseExpect.configure({ timeout: 15_000 });

/** The home page's getting-started steps, the theme toggle, and the confirmation before a share link dies. */
const upstream = useFakeAnthropicCredential("Onboarding fake Anthropic");
test.use({ viewport: { width: 1280, height: 800 } });

test("the theme choice is remembered across a reload and applied before the first paint", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  // What <html> carried when <body> first appeared: the inline script must already have run.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { classAtFirstBody: string }).classAtFirstBody = document.documentElement.className;
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto("/settings");
  const html = page.locator("html");
  const theme = page.getByRole("combobox", { name: "Theme" });
  await expect(theme).toHaveValue("system");
  await expect(html).not.toHaveClass(/\bdark\b/);

  await theme.selectOption("dark");
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(theme).toHaveValue("dark");
  await expect(html).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => (window as unknown as { classAtFirstBody: string }).classAtFirstBody)).toMatch(
    /\bdark\b/,
  );

  // Light wins over a dark system; System follows the system again.
  await theme.selectOption("light");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(theme).toHaveValue("light");
  await expect(html).not.toHaveClass(/\bdark\b/);
  await theme.selectOption("system");
  await expect(html).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("a new admin's home page shows three steps with their progress, each linking to its screen", async ({
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("new-admin");
  const password = "new-admin-password-e2e";
  const created = await createUserWithCli(email, password, { admin: true });
  expect(created.code, created.stderr).toBe(0);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInThroughPage(page, email, password);
  await page.goto("/");
  const steps = page.getByRole("region", { name: "Get started" });
  // The provider key is install-wide (this file registers one); the other two are this admin's own.
  await expect(steps).toContainText("1 of 3 done");
  const items = steps.getByRole("listitem");
  await expect(items.nth(0)).toContainText("Add a provider keyDone");
  await expect(items.nth(1)).toContainText("Try the playgroundTo do");
  await expect(items.nth(2)).toContainText("Create a gateway API keyTo do");
  await page.screenshot({ path: "tests/.artifacts/a11y/onboarding-1-of-3.png" });

  await steps.getByRole("link", { name: /Add a provider key/ }).click();
  await expect(page).toHaveURL(/\/gateway\/byok$/);
  await page.goto("/");
  await steps.getByRole("link", { name: /Try the playground/ }).click();
  await expect(page).toHaveURL(/\/playground/);
  upstream.fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text" }, times: 1 });
  const message = page.getByRole("textbox", { name: "Message" });
  await message.fill("Explain qubits");
  await message.press("Control+Enter");
  await expect(page.getByRole("article", { name: "Assistant, message 2" })).toContainText("qubits");

  await page.goto("/");
  await expect(steps).toContainText("2 of 3 done");
  await expect(items.nth(1)).toContainText("Try the playgroundDone");
  await steps.getByRole("link", { name: /Create a gateway API key/ }).click();
  await expect(page).toHaveURL(/\/gateway\/api-keys$/);
  const key = await page.request.post("/api/api-keys", { data: { name: "Onboarding key" } });
  expect(key.status()).toBe(201);

  await page.goto("/");
  await expect(steps).toContainText("3 of 3 done");
  await expect(items.nth(2)).toContainText("Create a gateway API keyDone");
  await page.screenshot({ path: "tests/.artifacts/a11y/onboarding-3-of-3.png" });
  await context.close();
});

test("revoking a share link asks first; Cancel keeps the link working", async ({ page, anonymousRequest }) => {
  const title = `Revoke check ${Date.now().toString(36)}`;
  await page.goto("/playground?new=1");
  upstream.fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text" }, times: 1 });
  const message = page.getByRole("textbox", { name: "Message" });
  await message.fill(title);
  await message.press("Control+Enter");
  await expect(page.getByRole("article", { name: "Assistant, message 2" })).toContainText("qubits");

  await page.goto("/sessions");
  await page
    .getByRole("group", { name: `Actions for ${title}` })
    .getByRole("button", { name: "Share" })
    .click();
  const shareDialog = page.getByRole("dialog", { name: "Share conversation" });
  await shareDialog.getByRole("button", { name: "Create link" }).click();
  const link = await shareDialog.getByLabel("Public link").inputValue();
  const sharePath = new URL(link).pathname;
  expect((await anonymousRequest.get(sharePath)).status()).toBe(200);

  await shareDialog.getByRole("button", { name: "Revoke link" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke this link?" });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: "tests/.artifacts/a11y/revoke-confirm.png" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect((await anonymousRequest.get(sharePath)).status()).toBe(200);

  await shareDialog.getByRole("button", { name: "Revoke link" }).click();
  await confirm.getByRole("button", { name: "Revoke link" }).click();
  await expect(shareDialog.getByRole("button", { name: "Create link" })).toBeVisible();
  expect((await anonymousRequest.get(sharePath)).status()).toBe(404);
});
