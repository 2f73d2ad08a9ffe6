import { createUserWithCli, uniqueEmail } from "./fixtures/accounts";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

test("an admin sets a member's limits and turns key creation off for members in Settings", async ({ page }) => {
  const email = uniqueEmail("limited");
  const created = await createUserWithCli(email, "limited-member-password");
  expect(created.code, created.stderr).toBe(0);

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Users and limits" });
  const form = section.getByRole("form", { name: `Limits for ${email}` });
  await form.getByLabel(`Requests / min for ${email}`).fill("30");
  await form.getByLabel(`Budget $ / month for ${email}`).fill("12.5");
  await form.getByRole("button", { name: `Save limits for ${email}` }).click();
  await expect(section.getByRole("status")).toHaveText(`Limits saved for ${email}.`);

  const toggle = section.getByRole("switch", { name: "Members may create API keys" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await screenshot(page, "settings-user-limits");

  // What was saved is what the page shows after a reload.
  await page.reload();
  await expect(form.getByLabel(`Requests / min for ${email}`)).toHaveValue("30");
  await expect(form.getByLabel(`Tokens / min for ${email}`)).toHaveValue("");
  await expect(form.getByLabel(`Budget $ / month for ${email}`)).toHaveValue("12.5");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  // Leave the install as other specs expect it.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
});
