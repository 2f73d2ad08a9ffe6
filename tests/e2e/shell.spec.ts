import { E2E_PORTS } from "../../playwright.config";
import { ADMIN } from "./fixtures/accounts";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

// Signed in as the suite's admin (see fixtures/test.ts): the shell is behind sign-in.

test("the app shell loads with its navigation and the signed-in account", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Switchyard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Playground", "Sessions", "AI Gateway", "Settings"]) {
    await expect(nav.getByRole("link", { name })).toBeVisible();
  }
  const account = page.getByRole("group", { name: "Account" });
  await expect(account).toContainText(ADMIN.email);
  await expect(account).toContainText("admin");
  await expect(account.getByRole("button", { name: "Sign out" })).toBeVisible();
  await screenshot(page, "shell-light", { fullPage: true });

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle("Settings · Switchyard");

  await nav.getByRole("link", { name: "AI Gateway" }).click();
  await expect(page).toHaveURL(/\/gateway\/byok$/);
  await expect(nav.getByRole("link", { name: "AI Gateway" })).toHaveAttribute("aria-current", "page");
});

test("the theme follows the operating system", async ({ page }) => {
  // Rendered luminance of the page background, whatever color syntax the CSS uses.
  const backgroundLuminance = () =>
    page.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d")!;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      const [red, green, blue] = context.getImageData(0, 0, 1, 1).data;
      return (0.2126 * red! + 0.7152 * green! + 0.0722 * blue!) / 255;
    });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  expect(await backgroundLuminance()).toBeGreaterThan(0.9);
  await page.emulateMedia({ colorScheme: "dark" });
  // The page switches on the media query's change event: poll rather than read once.
  await expect.poll(backgroundLuminance).toBeLessThan(0.1);
  await screenshot(page, "shell-dark", { fullPage: true });
});

test("the shell is usable at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 720 });
  for (const path of ["/", "/gateway/byok", "/gateway/api-keys", "/settings"]) {
    await page.goto(path);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Playground" }),
    ).toBeVisible();
    await expect(page.getByRole("group", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBe(false);
  }
  await page.goto("/");
  await screenshot(page, "shell-phone", { fullPage: true });
  await page.goto("/gateway/byok");
  await screenshot(page, "byok-phone", { fullPage: true });
});

test("health reports the embedded SQLite database", async ({ anonymousRequest }) => {
  const response = await anonymousRequest.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "sqlite", version: expect.any(String) });
});

test("health reports PostgreSQL when DATABASE_URL is set", async ({ anonymousRequest }) => {
  test.skip(!process.env.E2E_DATABASE_URL, "TEST_DATABASE_URL not set");
  const response = await anonymousRequest.get(`http://127.0.0.1:${E2E_PORTS.postgresql}/api/health`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "postgresql", version: expect.any(String) });
});
