import { expect, test } from "@playwright/test";
import { E2E_PORTS } from "../../playwright.config";

const SCREENSHOTS = "tests/.artifacts/screenshots";

test("the app shell loads with its navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Switchyard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Playground", "Sessions", "Settings"]) {
    await expect(nav.getByRole("link", { name })).toBeVisible();
  }
  await page.screenshot({ path: `${SCREENSHOTS}/shell-light.png`, fullPage: true });

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle("Settings · Switchyard");
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
  expect(await backgroundLuminance()).toBeLessThan(0.1);
  await page.screenshot({ path: `${SCREENSHOTS}/shell-dark.png`, fullPage: true });
});

test("the shell is usable at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 720 });
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Playground" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await page.screenshot({ path: `${SCREENSHOTS}/shell-phone.png`, fullPage: true });
});

test("health reports the embedded SQLite database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "sqlite", version: expect.any(String) });
});

test("health reports PostgreSQL when DATABASE_URL is set", async ({ request }) => {
  test.skip(!process.env.E2E_DATABASE_URL, "TEST_DATABASE_URL not set");
  const response = await request.get(`http://127.0.0.1:${E2E_PORTS.postgresql}/api/health`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "postgresql", version: expect.any(String) });
});
