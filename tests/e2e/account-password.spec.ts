import { createUserWithCli, uniqueEmail } from "./fixtures/accounts";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

test.use({ storageState: { cookies: [], origins: [] } });

test("change password, sign out, sign in with the new password", async ({ page }) => {
  const email = uniqueEmail("password");
  const oldPassword = "old-password-e2e";
  const newPassword = "new-password-e2e";
  const created = await createUserWithCli(email, oldPassword);
  expect(created.code, created.stderr).toBe(0);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("group", { name: "Account" })).toContainText(email);

  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill("wrong-password");
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("Confirm new password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("Current password is wrong");

  await form.getByLabel("Current password").fill(oldPassword);
  await form.getByLabel("Confirm new password").fill("something-else");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Confirm new password")).toHaveAccessibleDescription("The new passwords don't match.");

  await form.getByLabel("New password", { exact: true }).fill("short");
  await form.getByLabel("Confirm new password").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(
    /^Must be at least 8 characters/,
  );

  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("Confirm new password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed.");
  await expect(form.getByLabel("Current password")).toHaveValue("");
  await screenshot(page, "settings", { fullPage: true });
  await screenshot(page, "settings-dark", { fullPage: true, colorScheme: "dark" });

  await page.getByRole("group", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is wrong");

  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
});

test("sign-in follows `next` only within this site", async ({ page, baseURL }) => {
  const email = uniqueEmail("next");
  const created = await createUserWithCli(email, "next-password-e2e");
  expect(created.code, created.stderr).toBe(0);
  for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("next-password-e2e");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/");
  }
  // Already signed in: sign-in forwards straight to `next`.
  await page.goto("/sign-in?next=%2Fgateway%2Fapi-keys");
  await expect(page).toHaveURL(/\/gateway\/api-keys$/);
});
