import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { ADMIN, signInThroughPage, uniqueEmail } from "./fixtures/accounts";
import { expect as baseExpect, test } from "./fixtures/test";

const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Settings › Users, end to end: an admin creates accounts (typed or generated password), changes
 * roles, resets passwords and disables users — whose sign-in, browser sessions and gateway keys
 * all stop working — with real sign-ins and real gateway calls proving each effect.
 */
test.use({ viewport: { width: 1280, height: 800 } });

async function signInRequest(request: APIRequestContext, email: string, password: string) {
  return request.post("/api/auth/sign-in", { data: { email, password } });
}

async function newAnonymousRequest(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
) {
  return playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

/** Creates a member through the API (as the admin `page` is signed in as) and signs them in on a fresh request context. */
async function createSignedInMember(
  page: Page,
  playwright: Parameters<typeof newAnonymousRequest>[0],
  baseURL: string | undefined,
  user: { email: string; password: string },
) {
  const created = await page.request.post("/api/users", { data: user });
  expect(created.status(), await created.text()).toBe(201);
  const session = await newAnonymousRequest(playwright, baseURL);
  expect((await signInRequest(session, user.email, user.password)).status()).toBe(200);
  return { created, session };
}

async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, password: string) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInThroughPage(page, email, password);
  return { context, page };
}

test("an admin creates a user who can sign in; a generated password is shown once and works", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole("table", { name: "Users" })).toContainText(ADMIN.email);

  const typed = { email: uniqueEmail("typed"), password: "typed-password-e2e" };
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByLabel("Email").fill(typed.email);
  await dialog.getByLabel(/Initial password/).fill(typed.password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: typed.email });
  await expect(row).toContainText("active");
  await expect(row.getByRole("combobox", { name: `Role of ${typed.email}` })).toHaveValue("member");

  const asTyped = await signedInPage(browser, baseURL, typed.email, typed.password);
  await expect(asTyped.page.getByRole("group", { name: "Account" })).toContainText(typed.email);
  await asTyped.context.close();

  const generatedEmail = uniqueEmail("generated");
  await page.getByRole("button", { name: "Create user" }).click();
  await dialog.getByLabel("Email").fill(generatedEmail);
  await dialog.getByLabel("Role").selectOption("admin");
  await dialog.getByRole("button", { name: "Create user" }).click();
  const shown = page.getByRole("dialog", { name: "The new password" });
  const generated = await shown.getByRole("textbox", { name: "Generated password" }).inputValue();
  expect(generated.length).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: "tests/.artifacts/a11y/users-generated-password.png" });
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("combobox", { name: `Role of ${generatedEmail}` })).toHaveValue("admin");
  const asGenerated = await signedInPage(browser, baseURL, generatedEmail, generated);
  await expect(asGenerated.page.getByRole("group", { name: "Account" })).toContainText("admin");
  await asGenerated.context.close();
  await page.screenshot({ path: "tests/.artifacts/a11y/users-list.png", fullPage: true });
});

test("disabling a user refuses their sign-in, ends their sessions and stops their API keys; enabling restores sign-in", async ({
  page,
  playwright,
  baseURL,
}) => {
  const user = { email: uniqueEmail("disabled"), password: "disabled-password-e2e" };
  const { created, session } = await createSignedInMember(page, playwright, baseURL, user);
  expect(((await created.json()) as { generatedPassword: string | null }).generatedPassword).toBeNull();
  const keyResponse = await session.post("/api/api-keys", { data: { name: "Soon disabled" } });
  expect(keyResponse.status()).toBe(201);
  const { key } = (await keyResponse.json()) as { key: string };
  const gateway = await newAnonymousRequest(playwright, baseURL);
  const callGateway = () => gateway.get("/v3/router/models", { headers: { Authorization: `Bearer ${key}` } });
  expect((await callGateway()).status()).toBe(200);

  await page.goto("/settings/users");
  await page
    .getByRole("group", { name: `Actions for ${user.email}` })
    .getByRole("button", { name: "Disable" })
    .click();
  const confirm = page.getByRole("dialog", { name: `Disable ${user.email}?` });
  await confirm.getByRole("button", { name: "Disable user" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: user.email })).toContainText("disabled");

  expect((await session.get("/api/me")).status()).toBe(401);
  const refused = await signInRequest(await newAnonymousRequest(playwright, baseURL), user.email, user.password);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("disabled");
  // The key cache holds lookups for at most a second.
  await expect.poll(async () => (await callGateway()).status(), { timeout: 10_000 }).toBe(401);

  await page
    .getByRole("group", { name: `Actions for ${user.email}` })
    .getByRole("button", { name: "Enable" })
    .click();
  await expect(page.getByRole("row").filter({ hasText: user.email })).toContainText("active");
  expect(
    (await signInRequest(await newAnonymousRequest(playwright, baseURL), user.email, user.password)).status(),
  ).toBe(200);
  await expect.poll(async () => (await callGateway()).status(), { timeout: 10_000 }).toBe(200);
});

test("role changes take effect, and the last active admin cannot be demoted or disabled", async ({
  page,
  playwright,
  baseURL,
}) => {
  const user = { email: uniqueEmail("promoted"), password: "promoted-password-e2e" };
  const { session } = await createSignedInMember(page, playwright, baseURL, user);
  expect((await session.get("/api/credentials")).status()).toBe(403);

  await page.goto("/settings/users");
  await page.getByRole("combobox", { name: `Role of ${user.email}` }).selectOption("admin");
  await expect(page.getByRole("combobox", { name: `Role of ${user.email}` })).toHaveValue("admin");
  await expect.poll(async () => (await session.get("/api/credentials")).status()).toBe(200);
  await page.getByRole("combobox", { name: `Role of ${user.email}` }).selectOption("member");
  await expect.poll(async () => (await session.get("/api/credentials")).status()).toBe(403);

  // Demoting every other admin then oneself: the server refuses the last one.
  const { users } = (await (await page.request.get("/api/users")).json()) as {
    users: Array<{ id: string; email: string; role: string; disabledAt: string | null }>;
  };
  const me = users.find((candidate) => candidate.email === ADMIN.email)!;
  const others = users.filter(
    (candidate) => candidate.role === "admin" && !candidate.disabledAt && candidate.id !== me.id,
  );
  for (const other of others) {
    expect((await page.request.patch(`/api/users/${other.id}`, { data: { disabled: true } })).status()).toBe(200);
  }
  const demoteLast = await page.request.patch(`/api/users/${me.id}`, { data: { role: "member" } });
  expect(demoteLast.status()).toBe(409);
  expect(await demoteLast.text()).toContain("last active admin");
  expect((await page.request.patch(`/api/users/${me.id}`, { data: { disabled: true } })).status()).toBe(409);
  for (const other of others) {
    expect((await page.request.patch(`/api/users/${other.id}`, { data: { disabled: false } })).status()).toBe(200);
  }
});

test("resetting a password signs the user out, the old password stops working and the new one works", async ({
  page,
  playwright,
  baseURL,
}) => {
  const user = { email: uniqueEmail("reset"), password: "before-reset-password" };
  const { session } = await createSignedInMember(page, playwright, baseURL, user);

  await page.goto("/settings/users");
  await page
    .getByRole("group", { name: `Actions for ${user.email}` })
    .getByRole("button", { name: "Reset password" })
    .click();
  const dialog = page.getByRole("dialog", { name: `Reset the password of ${user.email}` });
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const shown = page.getByRole("dialog", { name: "The new password" });
  const newPassword = await shown.getByRole("textbox", { name: "Generated password" }).inputValue();
  await shown.getByRole("button", { name: "Done" }).click();

  expect((await session.get("/api/me")).status()).toBe(401);
  const fresh = await newAnonymousRequest(playwright, baseURL);
  expect((await signInRequest(fresh, user.email, user.password)).status()).toBe(401);
  expect((await signInRequest(fresh, user.email, newPassword)).status()).toBe(200);

  // Typed by the admin instead.
  const { users } = (await (await page.request.get("/api/users")).json()) as {
    users: Array<{ id: string; email: string }>;
  };
  const target = users.find((candidate) => candidate.email === user.email)!;
  const typed = await page.request.post(`/api/users/${target.id}/password`, {
    data: { password: "typed-after-reset" },
  });
  expect(await typed.json()).toEqual({ generatedPassword: null });
  expect((await signInRequest(fresh, user.email, "typed-after-reset")).status()).toBe(200);
});
