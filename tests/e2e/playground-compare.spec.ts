import type { Locator } from "@playwright/test";
import type { RecordedRequest } from "../fake-upstream/fake-anthropic-server";
import { useFakeAnthropicCredential } from "./fixtures/fake-anthropic-credential";
import { send } from "./fixtures/playground";
import { screenshot } from "./fixtures/screenshot";
import { expect as baseExpect, test } from "./fixtures/test";

// Up to four streams at once on a busy 2-core machine: give them longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Compare mode end to end: real Chromium → one /compare request per column, concurrently →
 * the app's own /v3/router with the user's playground key → a fake Anthropic upstream that
 * answers each model with its own recorded stream, slowly enough to watch both stream at once.
 */
const upstream = useFakeAnthropicCredential("Compare fake Anthropic");
test.use({ viewport: { width: 1280, height: 960 } });

type UpstreamBody = {
  model: string;
  thinking?: { type: string; budget_tokens?: number };
  messages: Array<{ role: string; content: Array<Record<string, unknown>> }>;
};
const bodyOf = (request: RecordedRequest) => request.body as UpstreamBody;
const forModel = (prefix: string) => (request: RecordedRequest) => bodyOf(request).model.startsWith(prefix);

async function pickModel(scope: Locator, search: string, name: RegExp) {
  await scope.getByRole("button", { name: /Change model/ }).click();
  // The list opens in <body> (over everything), not inside the column: one is open at a time.
  const picker = scope.page().getByRole("dialog", { name: "Choose a model" });
  await picker.getByRole("searchbox", { name: "Search models" }).fill(search);
  await picker.getByRole("button", { name }).click();
  await expect(picker).toBeHidden();
}

const usageOf = (scope: Locator) => scope.locator("dl[aria-label='Turn usage']");

test("compare two models side by side: both stream at once with their own metrics; the chosen answer joins the conversation and survives a reload", async ({
  page,
}) => {
  const startedAt = new Date();
  await page.goto("/playground?new=1");
  await page.evaluate(() => window.localStorage.removeItem("switchyard.playground.compare"));

  // A first turn, so the columns answer a conversation, not just one message.
  upstream.fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text" }, times: 1 });
  await send(page, "Explain qubits");
  await expect(page.getByRole("article", { name: "Assistant, message 2" })).toContainText(
    "Quantum computers use qubits",
  );

  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("button", { name: "Compare" })).toHaveAttribute("aria-pressed", "true");
  const column1 = page.getByRole("region", { name: "Column 1" });
  const column2 = page.getByRole("region", { name: "Column 2" });
  await expect(page.getByRole("button", { name: "Remove column 1" })).toBeDisabled();

  // 2–4 columns: a third one comes and goes.
  await page.getByRole("button", { name: "Add column" }).click();
  await expect(page.getByRole("region", { name: "Column 3" })).toBeVisible();
  await page.getByRole("button", { name: "Remove column 3" }).click();
  await expect(page.getByRole("region", { name: "Column 3" })).toHaveCount(0);

  await pickModel(column1, "sonnet 4.6", /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/);
  await column1.getByRole("button", { name: /thinking and cache: Thinking off · No cache/ }).click();
  await column1.getByRole("radio", { name: "Manual" }).check();
  await pickModel(column2, "haiku 4.5", /^Claude Haiku 4\.5 anthropic\/claude-haiku-4-5/);
  await column2.getByRole("button", { name: /thinking and cache/ }).click();
  await column2.getByRole("radio", { name: "Off" }).check();
  await column2.getByRole("combobox", { name: "Column 2 cache breakpoint on the message" }).selectOption("5m");
  await screenshot(page, "playground-compare-setup");
  await column1.getByRole("button", { name: /thinking and cache: Manual thinking, 8,000 tokens · No cache/ }).click();
  await column2.getByRole("button", { name: /thinking and cache: Thinking off · Cache 5m/ }).click();

  upstream.fake.addRule({
    match: forModel("claude-sonnet-4-6"),
    scenario: { type: "fixture", fixture: "anthropic-thinking-code", delayMs: 300 },
    times: 1,
  });
  upstream.fake.addRule({
    match: forModel("claude-haiku-4-5"),
    scenario: { type: "fixture", fixture: "anthropic-text", delayMs: 500 },
    times: 1,
  });
  await send(page, "Now explain them to a child.");
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("");
  await expect(page.getByRole("article", { name: "Compared message" })).toContainText("Now explain them to a child.");

  // Both columns are streaming at the same time, each showing its own text.
  await expect(column1.getByRole("group", { name: "Reasoning 1" })).toContainText("A token bucket per client");
  await expect(column2.getByRole("group", { name: "Answer of column 2" })).toContainText(
    "Quantum computers use qubits",
  );
  await expect(column1.getByText("Streaming…")).toBeVisible();
  await expect(column2.getByText("Streaming…")).toBeVisible();
  await screenshot(page, "playground-compare-streaming");

  // Each finishes on its own, with its own tokens, cost, time to first token and latency.
  await expect(column1.getByRole("heading", { name: "Rate limiter" })).toBeVisible();
  await expect(column2).toContainText("which can hold 0 and 1 at once.");
  for (const [column, output] of [
    [column1, "212"],
    [column2, "18"],
  ] as const) {
    const usage = usageOf(column);
    await expect(usage).toContainText(`Output${output}`);
    for (const label of ["Input", "Cost", "First token", "Latency"]) await expect(usage).toContainText(label);
  }
  await expect(column2.getByText("Cheapest")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send to 2 columns" })).toBeVisible();
  await screenshot(page, "playground-compare-done");
  await screenshot(page, "playground-compare-done-dark", { colorScheme: "dark" });

  // The upstream saw two requests at once (not one after the other), each with its column's settings
  // and the whole conversation so far.
  const requests = upstream.fake.requests.filter((request) => request.path === "/v1/messages").slice(1);
  expect(requests).toHaveLength(2);
  expect(Math.abs(requests[0]!.receivedAt - requests[1]!.receivedAt)).toBeLessThan(1500);
  const sonnet = requests.find(forModel("claude-sonnet-4-6"))!;
  const haiku = requests.find(forModel("claude-haiku-4-5"))!;
  expect(bodyOf(sonnet).thinking).toEqual({ type: "enabled", budget_tokens: 8000 });
  expect(bodyOf(haiku).thinking).toBeUndefined();
  for (const request of [sonnet, haiku]) {
    expect(bodyOf(request).messages.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
  }
  expect(bodyOf(haiku).messages[2]!.content.at(-1)).toMatchObject({
    text: "Now explain them to a child.",
    cache_control: { type: "ephemeral", ttl: "5m" },
  });
  expect(bodyOf(sonnet).messages[2]!.content.at(-1)).not.toHaveProperty("cache_control");

  // Promote the Haiku column: it becomes turn 3 and 4 of the conversation; the columns empty.
  await column2.getByRole("button", { name: "Use this answer, column 2" }).click();
  const promoted = page.getByRole("article", { name: "Assistant, message 4" });
  await expect(promoted).toContainText("Quantum computers use qubits");
  await expect(page.getByRole("article", { name: "You, message 3" })).toContainText("Now explain them to a child.");
  await expect(usageOf(promoted)).toContainText("Output18");
  await expect(page.getByRole("article", { name: "Compared message" })).toHaveCount(0);
  await expect(column1).toContainText("This column’s answer appears here.");
  await screenshot(page, "playground-compare-promoted");

  // Saved server-side: after a reload the turn is there, and the conversation continues with Haiku.
  await page.reload();
  await expect(page.getByRole("article", { name: "Assistant, message 4" })).toContainText(
    "which can hold 0 and 1 at once.",
  );
  await expect(usageOf(page.getByRole("article", { name: "Assistant, message 4" }))).toContainText("Output18");
  await expect(page.getByRole("button", { name: "Compare" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("button", { name: /^Claude Haiku 4\.5 .*Change model$/ })).toBeVisible();

  // Compare runs are gateway requests like any other: both are in the request log with their tokens.
  await expect
    .poll(
      async () => {
        const logs = (await (await page.request.get("/api/request-logs?limit=50")).json()) as {
          rows: Array<{
            createdAt: string;
            requestedModel: string;
            outputTokens: number | null;
            key: { name: string } | null;
          }>;
        };
        return logs.rows
          .filter((row) => new Date(row.createdAt) >= startedAt && row.key?.name === "Playground (internal)")
          .map((row) => `${row.requestedModel} ${row.outputTokens}`);
      },
      { timeout: 15_000 },
    )
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^anthropic\/claude-haiku-4-5\S* 18$/),
        "anthropic/claude-sonnet-4-6 212",
      ]),
    );
});

test("one column's error does not stop the other; it says what went wrong and can be regenerated", async ({ page }) => {
  await page.goto("/playground?new=1");
  await page.evaluate(() => window.localStorage.removeItem("switchyard.playground.compare"));
  await page.getByRole("button", { name: "Compare" }).click();
  const column1 = page.getByRole("region", { name: "Column 1" });
  const column2 = page.getByRole("region", { name: "Column 2" });
  await pickModel(column1, "sonnet 4.6", /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/);
  await pickModel(column2, "haiku 4.5", /^Claude Haiku 4\.5 anthropic\/claude-haiku-4-5/);

  upstream.fake.addRule({
    match: forModel("claude-haiku-4-5"),
    scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
    times: 1,
  });
  upstream.fake.addRule({
    match: forModel("claude-sonnet-4-6"),
    scenario: { type: "fixture", fixture: "anthropic-text", delayMs: 100 },
    times: 1,
  });
  await send(page, "Hello?");
  await expect(column1).toContainText("which can hold 0 and 1 at once.");
  await expect(column1.getByRole("button", { name: "Use this answer, column 1" })).toBeVisible();
  const failure = column2.getByRole("alert");
  await expect(failure).toContainText("Overloaded");
  await expect(failure).toContainText("Press Regenerate to try again.");
  await expect(column2.getByText("Failed")).toBeVisible();
  await expect(column2.getByRole("button", { name: "Use this answer, column 2" })).toHaveCount(0);
  await screenshot(page, "playground-compare-column-error");

  upstream.fake.addRule({
    match: forModel("claude-haiku-4-5"),
    scenario: { type: "fixture", fixture: "anthropic-text" },
    times: 1,
  });
  await column2.getByRole("button", { name: "Regenerate, column 2" }).click();
  await expect(column2).toContainText("which can hold 0 and 1 at once.");
  await expect(column2.getByRole("alert")).toHaveCount(0);
  await expect(column1).toContainText("which can hold 0 and 1 at once.");

  // Answers are not saved until used: after a reload the message is back in the composer, not lost.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("Hello?");
  await expect(page.getByRole("region", { name: "Column 2" })).toContainText("This column’s answer appears here.");
  await page.getByRole("textbox", { name: "Message" }).press("Control+Enter");
  await expect(page.getByRole("region", { name: "Column 2" })).toContainText("which can hold 0 and 1 at once.");
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("");

  // Leaving compare mode without using an answer also puts the message back in the composer.
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("region", { name: "Column 1" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("Hello?");
});

test("four columns fit side by side on a desktop and scroll sideways on a phone, never the page", async ({ page }) => {
  await page.goto("/playground?new=1");
  await page.evaluate(() => window.localStorage.removeItem("switchyard.playground.compare"));
  await page.getByRole("button", { name: "Compare" }).click();
  await page.getByRole("button", { name: "Add column" }).click();
  await page.getByRole("button", { name: "Add column" }).click();
  await expect(page.getByRole("region", { name: "Column 4" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add column" })).toBeDisabled();

  upstream.fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-thinking", delayMs: 50 }, times: 4 });
  await send(page, "Plan a migration.");
  for (const number of [1, 2, 3, 4]) {
    await expect(page.getByRole("region", { name: `Column ${number}` })).toContainText("Use sharded token buckets.");
  }
  await expect(upstream.fake.waitForRequests(4)).resolves.toHaveLength(4);
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(page, "playground-compare-four-columns");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("region", { name: "Column 1" })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(page, "playground-compare-phone");
});
