import type { APIRequestContext } from "@playwright/test";
import type { FakeScenario, RecordedRequest } from "../fake-upstream/fake-anthropic-server";
import { ADMIN } from "./fixtures/accounts";
import { makePng } from "./fixtures/sample-files";
import { useFakeAnthropicCredential } from "./fixtures/fake-anthropic-credential";
import { fixture, send } from "./fixtures/playground";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

/**
 * Prompt sessions end to end: a conversation with thinking, a PNG and 1h cache breakpoints is
 * shared, read by a signed-out browser (nothing secret in its HTML or RSC payload), forked by
 * another user who continues it, and the link dies when revoked.
 */
const upstream = useFakeAnthropicCredential("Sessions fake Anthropic");
const PROVIDER_SECRET = upstream.secret;
test.use({ viewport: { width: 1280, height: 960 } });

const answerNextWith = (scenario: FakeScenario) => upstream.fake.addRule({ scenario, times: 1 });
type UpstreamBody = {
  model: string;
  thinking?: unknown;
  system?: Array<{ cache_control?: unknown }>;
  messages: Array<{ role: string; content: Array<Record<string, unknown>> }>;
};
const bodyOf = (request: RecordedRequest) => request.body as UpstreamBody;

async function sessionIdByTitle(request: APIRequestContext, title: string): Promise<string> {
  const { sessions } = (await (await request.get(`/api/sessions?q=${encodeURIComponent(title)}`)).json()) as {
    sessions: Array<{ id: string; title: string }>;
  };
  const match = sessions.find((session) => session.title === title);
  if (!match) throw new Error(`no session titled ${title}`);
  return match.id;
}

test("share → signed-out reader sees everything and no secret → another user forks and continues → revoke 404s", async ({
  page,
  browser,
  baseURL,
  memberSession,
  playwright,
  adminSession,
}) => {
  const title = `Chart review ${Date.now().toString(36)}`;
  const png = makePng();

  // The owner builds the conversation: manual thinking, a 1h-cached system prompt and PNG.
  await page.goto("/playground?new=1");
  await page.getByRole("button", { name: /Change model/ }).click();
  const picker = page.getByRole("dialog", { name: "Choose a model" });
  await picker.getByRole("searchbox", { name: "Search models" }).fill("sonnet 4.6");
  await picker.getByRole("button", { name: /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/ }).click();
  await page.getByRole("radio", { name: "Manual" }).check();
  await page.getByRole("button", { name: /System design/ }).click();
  await page.getByRole("textbox", { name: "System prompt" }).fill("You review charts for the board.");
  await page.getByRole("combobox", { name: "Cache breakpoint on the system prompt" }).selectOption("1h");
  await page.getByLabel("Attach files").setInputFiles([{ name: "chart.png", mimeType: "image/png", buffer: png }]);
  await page.getByRole("combobox", { name: "Cache breakpoint on chart.png" }).selectOption("1h");
  answerNextWith(fixture("anthropic-thinking-code"));
  await send(page, `${title}: what should we build?`);
  const answer = page.getByRole("article", { name: "Assistant, message 2" });
  await expect(answer.getByRole("heading", { name: "Rate limiter" })).toBeVisible();
  // Rename only once the turn has settled: the playground re-reads the title when a turn ends
  // (a rename typed before that is overwritten — reported to the playground's owner).
  await expect(page.getByRole("textbox", { name: "Conversation title" })).toHaveValue(
    `${title}: what should we build?`,
  );
  await expect(answer.getByRole("button", { name: "Regenerate message 2" })).toBeVisible();
  await page.getByRole("textbox", { name: "Conversation title" }).fill(title);
  await page.getByRole("textbox", { name: "Conversation title" }).press("Enter");
  await expect(page.getByRole("textbox", { name: "Conversation title" })).toHaveValue(title);

  // Per-turn "View code" rebuilds the exact request, with the image inlined.
  await answer.getByRole("button", { name: "View code for message 2" }).click();
  const viewCode = page.getByRole("dialog", { name: "View code: message 2" });
  await expect(viewCode.getByLabel("curl code")).toContainText('"budget_tokens": 8000');
  await viewCode.getByRole("button", { name: "Close" }).click();

  // Share.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const shareDialog = page.getByRole("dialog", { name: "Share conversation" });
  await shareDialog.getByRole("button", { name: "Create link" }).click();
  const link = await shareDialog.getByRole("textbox", { name: "Public link" }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{32}$`));
  await screenshot(page, "sessions-share-dialog");
  await shareDialog.getByRole("button", { name: "Close" }).click();
  const sharePath = new URL(link).pathname;

  const adminRequest = await playwright.request.newContext({ baseURL, storageState: adminSession.storageStatePath });
  const originalId = await sessionIdByTitle(adminRequest, title);
  expect(sharePath).not.toContain(originalId);
  const original = (await (await adminRequest.get(`/api/playground/sessions/${originalId}`)).json()) as {
    session: { messages: unknown[] };
  };

  // A fresh, signed-out browser.
  const anonymous = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const reader = await anonymous.newPage();
  const response = await reader.goto(sharePath);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole("heading", { name: title })).toBeVisible();
  const settings = reader.getByRole("region", { name: "Request settings" });
  await expect(settings).toContainText("anthropic/claude-sonnet-4-6");
  await expect(settings).toContainText("Manual, budget 8,000 tokens");
  await expect(settings.getByRole("list")).toContainText("System prompt");
  await expect(settings.getByRole("list")).toContainText("chart.png");
  await expect(settings.getByText("TTL 1h")).toHaveCount(2);
  await expect(settings.getByLabel("System prompt")).toHaveText("You review charts for the board.");
  const sharedAnswer = reader.getByRole("article", { name: "Assistant, message 2" });
  await expect(sharedAnswer.getByRole("group", { name: "Reasoning 1" })).toContainText(
    "A token bucket per client is simple",
  );
  await expect(sharedAnswer.getByRole("heading", { name: "Rate limiter" })).toBeVisible();
  await expect(sharedAnswer.locator("dl[aria-label='Turn usage']")).toContainText("Output");
  const image = reader.getByRole("article", { name: "User, message 1" }).getByRole("img", { name: "chart.png" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  const attachmentPath = (await image.getAttribute("src"))!;
  expect(attachmentPath).toMatch(new RegExp(`^${sharePath}/attachments/`));
  await expect(reader.getByRole("link", { name: "Sign in to fork" })).toBeVisible();
  await screenshot(reader, "sessions-shared-signed-out");

  // View code works for a signed-out reader too (attachments through the link).
  await sharedAnswer.getByRole("button", { name: "View code for message 2" }).click();
  const sharedCode = reader.getByRole("dialog", { name: "View code: message 2" });
  await sharedCode.getByRole("switch", { name: "Include full base64" }).click();
  await expect(sharedCode).toContainText(png.toString("base64"));
  await screenshot(reader, "sessions-shared-view-code");
  await sharedCode.getByRole("button", { name: "Close" }).click();

  // Nothing secret in the HTML or the RSC payload: no key, no email, no owner or session id.
  const anonymousRequest = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const html = await (await anonymousRequest.get(sharePath)).text();
  const rsc = await (await anonymousRequest.get(sharePath, { headers: { RSC: "1" } })).text();
  expect(html).toContain(`<meta property="og:title" content="${title}"/>`);
  expect(html).toMatch(
    /<meta property="og:description" content="A Claude conversation on anthropic\/claude-sonnet-4-6/,
  );
  expect(html).toContain(title);
  for (const payload of [html, rsc]) {
    expect(payload).toContain("Rate limiter");
    expect(payload).not.toMatch(/sy-[0-9a-f]{8}-/); // a gateway key
    for (const secret of [
      PROVIDER_SECRET,
      "sk-ant-",
      ADMIN.email,
      memberSession.email,
      originalId,
      "/api/playground/attachments",
    ]) {
      expect(payload, `payload leaks ${secret}`).not.toContain(secret);
    }
  }

  // Sign in as another user from the share page, come back, fork.
  await reader.getByRole("link", { name: "Sign in to fork" }).click();
  await reader.getByLabel("Email").fill(memberSession.email);
  await reader.getByLabel("Password").fill(memberSession.password);
  await reader.getByRole("button", { name: "Sign in" }).click();
  await expect(reader).toHaveURL(new RegExp(`${sharePath}$`));
  await reader.getByRole("button", { name: "Fork and continue" }).click();
  await expect(reader).toHaveURL(/\/playground\?session=/, { timeout: 30_000 });
  await expect(reader.getByRole("textbox", { name: "Conversation title" })).toHaveValue(title);
  const forkId = new URL(reader.url()).searchParams.get("session")!;
  expect(forkId).not.toBe(originalId);

  answerNextWith(fixture("anthropic-text"));
  await send(reader, "And for bursts?");
  await expect(reader.getByRole("article", { name: "Assistant, message 4" })).toContainText(
    "Quantum computers use qubits",
  );
  // The composer is sticky at the bottom: scroll to the end so it does not cover the new turn.
  await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await screenshot(reader, "sessions-fork-continued");
  const [, continued] = await upstream.fake.waitForRequests(2);
  const sent = bodyOf(continued!);
  // The fork carries the whole conversation: the copied image, the signed reasoning, the cache marks.
  expect(sent.messages[0]!.content[0]).toMatchObject({
    type: "image",
    source: { type: "base64", data: png.toString("base64") },
    cache_control: { type: "ephemeral", ttl: "1h" },
  });
  expect(sent.messages[1]!.content[0]).toMatchObject({
    type: "thinking",
    signature: "EqQBCkYIBRgCIkBsig3ThinkingCode==",
  });
  expect(sent.system?.[0]?.cache_control).toEqual({ type: "ephemeral", ttl: "1h" });

  // The original is unchanged.
  const after = (await (await adminRequest.get(`/api/playground/sessions/${originalId}`)).json()) as {
    session: { messages: unknown[] };
  };
  expect(after.session.messages).toEqual(original.session.messages);
  await anonymous.close();

  // Revoke: the page and its files 404 at once.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await shareDialog.getByRole("button", { name: "Revoke link" }).click();
  await page.getByRole("dialog", { name: "Revoke this link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(shareDialog.getByRole("button", { name: "Create link" })).toBeVisible();
  expect((await anonymousRequest.get(sharePath)).status()).toBe(404);
  expect((await anonymousRequest.get(attachmentPath)).status()).toBe(404);
  const forkAfterRevoke = await anonymousRequest.post(`/api/shares/${sharePath.slice(3)}/fork`);
  expect(forkAfterRevoke.status()).toBe(401);
  await anonymousRequest.dispose();
  await adminRequest.dispose();
});
