import type { Page } from "@playwright/test";
import type { FakeScenario, RecordedRequest } from "../fake-upstream/fake-anthropic-server";
import { useFakeAnthropicCredential } from "./fixtures/fake-anthropic-credential";
import { assistantTurn, fixture, openNewConversation, pickModel, send } from "./fixtures/playground";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

/**
 * What a new user trips on in the playground: typing numbers, the model list at any size, an
 * answer cut off at max tokens, stopping and following a stream, the header on a phone. Real
 * Chromium → the app → its gateway → a fake Anthropic upstream (whose recorded requests are the proof).
 */
const upstream = useFakeAnthropicCredential("Playground UX fake Anthropic");

const answerNextWith = (scenario: FakeScenario) => upstream.fake.addRule({ scenario, times: 1 });
type UpstreamBody = {
  max_tokens: number;
  thinking?: { type: string; budget_tokens?: number };
  messages: Array<{ role: string; content: Array<{ type: string; text?: string }> }>;
};
const bodyOf = (request: RecordedRequest) => request.body as UpstreamBody;

const distanceToEnd = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollHeight - window.scrollY - window.innerHeight);

test.use({ viewport: { width: 1280, height: 800 } });

test("a thinking budget is typed freely, checked on leaving the field, and sent exactly as typed", async ({ page }) => {
  await openNewConversation(page);
  await pickModel(page, "sonnet 4.6", /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/);
  await page.getByRole("radio", { name: "Manual" }).check();
  const budget = page.getByRole("spinbutton", { name: "Thinking budget tokens" });

  // Typed key by key, as a person does: no clamping on the way (it used to end at 64,000).
  await budget.fill("");
  await budget.pressSequentially("500");
  await expect(budget).toHaveValue("500");
  await budget.blur();
  await expect(budget).toHaveAccessibleDescription(/at least 1024/);
  await expect(budget).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("textbox", { name: "Message" }).fill("Plan a trip.");
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();

  await budget.fill("");
  await budget.blur();
  await expect(budget).toHaveAccessibleDescription(/Enter a number/);

  await budget.pressSequentially("200000");
  await budget.blur();
  await expect(budget).toHaveAccessibleDescription(/less than Claude Sonnet 4\.6's output limit of 128000/);
  await screenshot(page, "playground-ux-budget-invalid");

  await budget.fill("");
  await budget.pressSequentially("2000");
  await budget.blur();
  await expect(budget).toHaveValue("2000");
  await expect(budget).not.toHaveAttribute("aria-invalid", "true");
  // Max tokens left empty shows the model's default as a number.
  await expect(page.getByRole("spinbutton", { name: "Max tokens" })).toHaveAttribute("placeholder", "8192 (default)");

  await send(page, "Plan a trip.");
  await expect(assistantTurn(page, 2)).toContainText("Quantum computers use qubits");
  const [request] = await upstream.fake.waitForRequests(1);
  expect(bodyOf(request!).thinking).toEqual({ type: "enabled", budget_tokens: 2000 });
  // No max_tokens given: the gateway adds the budget to the model's default.
  expect(bodyOf(request!).max_tokens).toBe(2000 + 8192);

  // Max tokens typed key by key is sent as typed too.
  await page.getByRole("radio", { name: "Off" }).check();
  const maxTokens = page.getByRole("spinbutton", { name: "Max tokens" });
  await maxTokens.pressSequentially("300");
  await maxTokens.blur();
  await send(page, "Shorter, please.");
  await expect(assistantTurn(page, 4)).toContainText("Quantum computers use qubits");
  const [, second] = await upstream.fake.waitForRequests(2);
  expect(bodyOf(second!).max_tokens).toBe(300);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the model list is wholly inside the viewport at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openNewConversation(page);
    if (viewport.width < 1024) await page.getByRole("button", { name: "Settings", exact: true }).click();
    await page.getByRole("button", { name: /Change model/ }).click();
    const picker = page.getByRole("dialog", { name: "Choose a model" });
    await expect(picker).toBeVisible();
    const box = (await picker.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // Nothing paints over it (the sticky composer used to, on the list's left part).
    for (const [x, y] of [
      [box.x + 12, box.y + box.height / 2],
      [box.x + box.width / 2, box.y + box.height - 12],
    ]) {
      const onTop = await page.evaluate(
        ([px, py]) => Boolean(document.elementFromPoint(px!, py!)?.closest('[aria-label="Choose a model"]')),
        [x, y],
      );
      expect(onTop).toBe(true);
    }
    await expect(picker.getByRole("heading").first()).toBeInViewport({ ratio: 1 });
    await expect(picker.getByRole("searchbox", { name: "Search models" })).toBeInViewport({ ratio: 1 });
    await expect(picker.getByRole("button", { name: /^Claude Sonnet 4\.6/ }).first()).toBeVisible();
    const name = `playground-ux-picker-${viewport.width}x${viewport.height}`;
    await screenshot(page, name);
    await screenshot(page, `${name}-dark`, { colorScheme: "dark" });
    await page.keyboard.press("Escape");
    await expect(picker).toBeHidden();
  });
}

test("an answer cut off at max tokens says so, with the max tokens used, and Continue asks for the rest", async ({
  page,
}) => {
  await openNewConversation(page);
  await pickModel(page, "sonnet 4.6", /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/);
  await page.getByRole("radio", { name: "Off" }).check();
  answerNextWith(fixture("anthropic-max-tokens"));
  await send(page, "Tell me a long story.");
  const turn = assistantTurn(page, 2);
  const notice = turn.getByRole("note", { name: "Message 2 was cut off" });
  await expect(notice).toContainText("max tokens limit (8,192 tokens)");
  await screenshot(page, "playground-ux-cut-off");
  await screenshot(page, "playground-ux-cut-off-dark", { colorScheme: "dark" });

  await notice.getByRole("button", { name: "Continue" }).click();
  await expect(assistantTurn(page, 4)).toContainText("Quantum computers use qubits");
  const [, second] = await upstream.fake.waitForRequests(2);
  const messages = bodyOf(second!).messages;
  expect(messages.at(-2)?.role).toBe("assistant");
  expect(
    messages
      .at(-2)
      ?.content.map((part) => part.text)
      .join(""),
  ).toContain("Once upon a time");
  expect(messages.at(-1)?.role).toBe("user");
  expect(messages.at(-1)?.content[0]?.text).toMatch(/^Continue exactly where/);
  // Only the newest cut-off answer offers Continue.
  await expect(turn.getByRole("button", { name: "Continue" })).toHaveCount(0);
});

test("Esc stops a streaming answer and keeps what arrived", async ({ page }) => {
  await openNewConversation(page);
  answerNextWith(fixture("anthropic-text", { stallAfterEvents: 4 }));
  await send(page, "Explain quantum computing.");
  const turn = assistantTurn(page, 2);
  await expect(turn).toContainText("Quantum computers use qubits");
  await expect(turn.getByText("Streaming…")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(turn.getByText("Interrupted")).toBeVisible();
  await expect(turn).toContainText("Quantum computers use qubits");
  const [request] = await upstream.fake.waitForRequests(1);
  await expect.poll(() => request!.clientClosedAt, { timeout: 15_000 }).toBeDefined();
});

test("a turn streaming in another tab is followed there until it ends, then reads as saved", async ({ page }) => {
  await openNewConversation(page);
  answerNextWith(fixture("anthropic-thinking-code", { delayMs: 300 }));
  await send(page, "Design a rate limiter, slowly.");
  const streaming = assistantTurn(page, 2);
  await expect(streaming.getByText("Streaming…")).toBeVisible();

  // The same conversation in a second tab: it reads the saved turn, still streaming, and keeps reading it.
  const other = await page.context().newPage();
  await other.goto(page.url());
  const followed = assistantTurn(other, 2);
  await expect(followed.getByText("Streaming…")).toBeVisible();
  await expect(followed.getByRole("heading", { name: "Rate limiter" })).toBeVisible({ timeout: 30_000 });
  await expect(followed.getByText("Streaming…")).toBeHidden({ timeout: 30_000 });
  await expect(streaming.getByText("Streaming…")).toBeHidden();
  expect(await followed.innerText()).toBe(await streaming.innerText());
  await other.close();
});

test("a long saved conversation opens at its end; a stream is followed unless the reader scrolls up", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await openNewConversation(page);
  for (let turn = 0; turn < 3; turn += 1) {
    answerNextWith(fixture("anthropic-thinking-code"));
    await send(page, `Design a rate limiter, take ${turn + 1}.`);
    await expect(assistantTurn(page, 2 * turn + 2).getByRole("heading", { name: "Rate limiter" })).toBeVisible();
  }
  // The most recent conversation, opened fresh.
  await page.goto("/playground");
  await expect(assistantTurn(page, 6)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeGreaterThan(600);
  await expect.poll(() => distanceToEnd(page)).toBeLessThan(150);
  await expect(page.getByRole("button", { name: /Jump to latest/ })).toBeHidden();

  answerNextWith(fixture("anthropic-thinking-code", { delayMs: 400 }));
  await send(page, "Once more, slowly.");
  const streamingTurn = assistantTurn(page, 8);
  await expect(streamingTurn.getByText("Streaming…")).toBeVisible();
  await page.evaluate(() => window.scrollTo({ top: 0 }));
  const jump = page.getByRole("button", { name: /Jump to latest/ });
  await expect(jump).toBeVisible();
  await screenshot(page, "playground-ux-jump-to-latest");
  // The rest streams in without pulling the reader back down.
  await expect(streamingTurn.getByRole("heading", { name: "Rate limiter" })).toBeAttached({ timeout: 30_000 });
  await expect(streamingTurn.getByText("Streaming…")).toBeHidden({ timeout: 30_000 });
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(50);

  await jump.click();
  await expect.poll(() => distanceToEnd(page)).toBeLessThan(150);
  await expect(jump).toBeHidden();
});

test("on a phone the header's actions are in a menu and the conversation title keeps its width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openNewConversation(page);
  await send(page, "Hello from a phone.");
  await expect(assistantTurn(page, 2)).toContainText("Quantum computers use qubits");
  const title = page.getByRole("textbox", { name: "Conversation title" });
  await expect(title).toBeVisible();
  expect((await title.boundingBox())!.width).toBeGreaterThan(200);
  await expect(page.getByRole("button", { name: "Share" })).toBeHidden();

  const more = page.getByRole("button", { name: "More actions" });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await more.click();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  for (const action of [
    page.getByRole("button", { name: "Share" }),
    page.getByRole("button", { name: "View code for the next request" }),
    page.getByRole("button", { name: "Compare" }),
    page.getByRole("link", { name: "New conversation" }),
    page.getByRole("link", { name: "Export" }),
  ]) {
    await expect(action).toBeInViewport({ ratio: 1 });
  }
  await screenshot(page, "playground-ux-mobile-menu");
  await screenshot(page, "playground-ux-mobile-menu-dark", { colorScheme: "dark" });
  await page.getByRole("button", { name: "Share" }).focus();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Share" })).toBeHidden();

  // From sm up the actions are inline and there is no menu.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(more).toBeHidden();
  await expect(page.getByRole("button", { name: "Share" })).toBeVisible();
});
