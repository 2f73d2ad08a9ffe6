import type { FakeScenario, RecordedRequest } from "../fake-upstream/fake-anthropic-server";
import { makePdf, makePng } from "./fixtures/sample-files";
import { useFakeAnthropicCredential } from "./fixtures/fake-anthropic-credential";
import { assistantTurn, fixture, openNewConversation, pickModel, send } from "./fixtures/playground";
import { SCREENSHOTS, screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

/**
 * The playground end to end: real Chromium → the app's playground routes → the app's own
 * /v3/router (through the openai SDK, with the user's internal gateway key) → a fake
 * Anthropic upstream, whose recorded requests prove what reached the provider.
 */
const upstream = useFakeAnthropicCredential("Playground fake Anthropic");
const PROVIDER_SECRET = upstream.secret;
// Tall enough that a screenshot shows a whole exchange without fullPage (which misplaces the sticky composer).
test.use({ viewport: { width: 1280, height: 960 } });

/** The next upstream call answers with this scenario. */
const answerNextWith = (scenario: FakeScenario) => upstream.fake.addRule({ scenario, times: 1 });

type UpstreamBody = {
  model: string;
  thinking?: { type: string; budget_tokens?: number };
  output_config?: { effort?: string };
  system?: Array<{ type: string; text: string; cache_control?: { type: string; ttl?: string } }>;
  messages: Array<{ role: string; content: Array<Record<string, unknown>> }>;
  tools?: Array<{ name: string; input_schema: unknown }>;
};
const bodyOf = (request: RecordedRequest) => request.body as UpstreamBody;

test("manual thinking 8000: the reasoning panel streams, then the answer; turn 2 sends the signature back", async ({
  page,
}) => {
  await openNewConversation(page);
  await pickModel(page, "sonnet 4.6", /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/);
  await page.getByRole("radio", { name: "Manual" }).check();
  await page.getByRole("button", { name: /System design/ }).click();
  await expect(page.getByRole("spinbutton", { name: "Thinking budget tokens" })).toHaveValue("8000");

  answerNextWith(fixture("anthropic-thinking-code", { delayMs: 250 }));
  await send(page, "Design a rate limiter for our API.");
  const turn = assistantTurn(page, 2);
  const reasoning = turn.getByRole("group", { name: "Reasoning 1" });
  await expect(reasoning).toContainText("A token bucket per client is simple");
  // The reasoning streams first, open, before any of the answer.
  await expect(turn.getByText("Thinking…")).toBeVisible();
  await expect(turn.getByRole("heading", { name: "Rate limiter" })).toHaveCount(0);
  await screenshot(page, "playground-reasoning-streaming");
  await expect(turn.getByRole("heading", { name: "Rate limiter" })).toBeVisible();
  await expect(turn.locator("pre").filter({ hasText: "function take(bucket: Bucket): boolean" })).toBeVisible();
  await expect(turn.getByText("Signature present")).toBeVisible();
  await expect(turn.getByText("Not sent back yet")).toBeVisible();
  await expect(turn.getByRole("definition").filter({ hasText: "212" })).toBeVisible();
  await screenshot(page, "playground-manual-thinking-answer");

  const [first] = await upstream.fake.waitForRequests(1);
  expect(bodyOf(first!).model).toBe("claude-sonnet-4-6");
  expect(bodyOf(first!).thinking).toEqual({ type: "enabled", budget_tokens: 8000 });
  expect(first!.headers["x-api-key"] ?? first!.headers.authorization).toContain(PROVIDER_SECRET);

  answerNextWith(fixture("anthropic-text"));
  await send(page, "And how do we handle bursts?");
  await expect(assistantTurn(page, 4)).toContainText("Quantum computers use qubits");
  await expect(turn.getByText("Signature sent back")).toBeVisible();
  const [, second] = await upstream.fake.waitForRequests(2);
  const assistantMessage = bodyOf(second!).messages[1]!;
  expect(assistantMessage.role).toBe("assistant");
  expect(assistantMessage.content[0]).toEqual({
    type: "thinking",
    thinking:
      "The user wants a rate limiter design. A token bucket per client is simple and handles bursts. Sharding by client id across Redis nodes keeps it horizontal; refill lazily on each request so no background job is needed.",
    signature: "EqQBCkYIBRgCIkBsig3ThinkingCode==",
  });
  await screenshot(page, "playground-signature-sent-back");
  await screenshot(page, "playground-signature-sent-back-dark", { colorScheme: "dark" });

  // Saved server-side: a reload shows both turns and the sent-back state.
  await page.reload();
  await expect(assistantTurn(page, 2).getByText("Signature sent back")).toBeVisible();
  await expect(assistantTurn(page, 4)).toContainText("Quantum computers use qubits");
});

test("adaptive thinking with effort on Claude Opus 4.6; options a model lacks are disabled with the reason", async ({
  page,
}) => {
  await openNewConversation(page);
  await pickModel(page, "opus 4.7", /^Claude Opus 4\.7 anthropic\/claude-opus-4-7/);
  await expect(page.getByRole("radio", { name: "Manual" })).toBeDisabled();
  await expect(page.getByText("Manual: Claude Opus 4.7 supports only adaptive thinking")).toBeVisible();

  await pickModel(page, "opus 4.6", /^Claude Opus 4\.6 anthropic\/claude-opus-4-6/);
  await page.getByRole("radio", { name: "Adaptive" }).check();
  const effort = page.getByRole("combobox", { name: "Effort" });
  await expect(effort.getByRole("option")).toHaveText(["Model default", "low", "medium", "high", "max"]);
  await effort.selectOption("high");
  await screenshot(page, "playground-adaptive-opus-4-6");

  answerNextWith(fixture("anthropic-thinking"));
  await send(page, "Plan a migration.");
  await expect(assistantTurn(page, 2)).toContainText("Use sharded token buckets.");
  const [request] = await upstream.fake.waitForRequests(1);
  expect(bodyOf(request!).model).toBe("claude-opus-4-6");
  expect(bodyOf(request!).thinking).toEqual({ type: "adaptive" });
  expect(bodyOf(request!).output_config).toEqual({ effort: "high" });
});

test("a PNG and a PDF attached in the browser reach the upstream request", async ({ page }) => {
  await openNewConversation(page);
  const png = makePng();
  const pdf = await makePdf(2);
  await page.getByLabel("Attach files").setInputFiles([
    { name: "chart.png", mimeType: "image/png", buffer: png },
    { name: "report.pdf", mimeType: "application/pdf", buffer: pdf },
  ]);
  const pending = page.getByRole("list", { name: "Attachments to send" });
  await expect(pending.getByRole("img", { name: "chart.png" })).toBeVisible();
  await expect(pending).toContainText("report.pdf");
  await expect(pending).toContainText("2 pages");

  // Checked in the browser before upload: a wrong type never leaves the page.
  await page
    .getByLabel("Attach files")
    .setInputFiles([{ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") }]);
  await expect(
    page.getByRole("alert").filter({ hasText: "notes.txt: only PNG, JPEG, GIF, WebP images and PDFs" }),
  ).toBeVisible();
  await screenshot(page, "playground-attachments");

  answerNextWith(fixture("anthropic-text"));
  await send(page, "Summarise the chart and the report.");
  await expect(assistantTurn(page, 2)).toContainText("Quantum computers use qubits");
  const userTurn = page.getByRole("article", { name: "You, message 1" });
  await expect(userTurn.getByRole("img", { name: "chart.png" })).toBeVisible();
  await expect(userTurn).toContainText("report.pdf");

  const [request] = await upstream.fake.waitForRequests(1);
  const content = bodyOf(request!).messages[0]!.content;
  expect(content).toEqual([
    { type: "image", source: { type: "base64", media_type: "image/png", data: png.toString("base64") } },
    {
      type: "document",
      source: { type: "base64", media_type: "application/pdf", data: pdf.toString("base64") },
      title: "report.pdf",
    },
    { type: "text", text: "Summarise the chart and the report." },
  ]);
  await screenshot(page, "playground-attachments-sent");
});

test("attachments by drag-and-drop, paste and URL; URL files are left for the provider to fetch", async ({ page }) => {
  await openNewConversation(page);
  const transferOf = (name: string, bytes: Buffer, type: string) =>
    page.evaluateHandle(
      ({ name, base64, type }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], name, { type }));
        return transfer;
      },
      { name, base64: bytes.toString("base64"), type },
    );
  await page
    .getByRole("form", { name: "Compose" })
    .dispatchEvent("drop", { dataTransfer: await transferOf("dropped.png", makePng(32, 32), "image/png") });
  const pasted = await transferOf("pasted.pdf", await makePdf(1), "application/pdf");
  await page.getByRole("textbox", { name: "Message" }).evaluate((textarea, clipboardData) => {
    textarea.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: clipboardData as DataTransfer, bubbles: true, cancelable: true }),
    );
  }, pasted);
  await page.getByRole("button", { name: "From URL" }).click();
  await page.getByRole("textbox", { name: "Image or PDF URL" }).fill("https://images.example.com/diagram.webp");
  await page.getByRole("button", { name: "Add URL" }).click();
  const pending = page.getByRole("list", { name: "Attachments to send" });
  await expect(pending.getByRole("img", { name: "dropped.png" })).toBeVisible();
  await expect(pending).toContainText("pasted.pdf");
  await expect(pending).toContainText("1 page");
  await expect(pending).toContainText("diagram.webp");

  answerNextWith(fixture("anthropic-text"));
  await send(page, "Compare them.");
  await expect(assistantTurn(page, 2)).toContainText("Quantum computers use qubits");
  const [request] = await upstream.fake.waitForRequests(1);
  const content = bodyOf(request!).messages[0]!.content;
  expect(content.map((block) => block.type)).toEqual(["image", "document", "image", "text"]);
  expect(content[2]).toEqual({
    type: "image",
    source: { type: "url", url: "https://images.example.com/diagram.webp" },
  });
});

test("the system prompt cached for 1h: cache tokens, savings and the timeline on the second turn", async ({ page }) => {
  await openNewConversation(page);
  await pickModel(page, "sonnet 4.6", /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/);
  await page.getByRole("textbox", { name: "System prompt" }).fill("You are the house style guide. ".repeat(40));
  await page.getByRole("combobox", { name: "Cache breakpoint on the system prompt" }).selectOption("1h");
  await expect(page.getByRole("list", { name: "Cache breakpoints" })).toContainText("System prompt");
  // The marked prefix is far below Sonnet 4.6's minimum: said before sending, not blocked.
  await expect(page.getByText(/below this model's minimum of 2,048; it will not be cached/)).toBeVisible();

  answerNextWith(fixture("anthropic-cache-write-1h"));
  await send(page, "Rewrite: the report was written by us.");
  const firstTurn = assistantTurn(page, 2);
  await expect(firstTurn).toContainText("Noted");
  await expect(firstTurn.getByRole("definition").filter({ hasText: "4,096" })).toBeVisible();

  answerNextWith(fixture("anthropic-cache-read"));
  await send(page, "And: mistakes were made.");
  const secondTurn = assistantTurn(page, 4);
  await expect(secondTurn).toContainText("use the active voice");
  const usage = secondTurn
    .getByRole("list", { name: "Turn usage" })
    .or(secondTurn.locator("dl[aria-label='Turn usage']"));
  await expect(usage).toContainText("Cache read4,096");
  await expect(usage).toContainText("Saved by cache");
  await expect(page.getByRole("list", { name: "Cache timeline" })).toContainText("System prompt (1h)");
  await screenshot(page, "playground-cache-second-turn");
  await page
    .getByRole("region", { name: "Prompt cache" })
    .screenshot({ path: `${SCREENSHOTS}/playground-cache-timeline.png` });

  const requests = await upstream.fake.waitForRequests(2);
  for (const request of requests) {
    expect(bodyOf(request).system?.[0]?.cache_control).toEqual({ type: "ephemeral", ttl: "1h" });
  }
});

test("Stop aborts the upstream request and keeps the partial answer, also after a reload; drafts survive reloads", async ({
  page,
}) => {
  await openNewConversation(page);
  answerNextWith(fixture("anthropic-text", { stallAfterEvents: 4 }));
  await send(page, "Explain quantum computing.");
  const turn = assistantTurn(page, 2);
  await expect(turn).toContainText("Quantum computers use qubits");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(turn.getByText("Interrupted", { exact: true })).toBeVisible();
  const [request] = await upstream.fake.waitForRequests(1);
  await request!.clientClosed; // the provider saw the request end
  await screenshot(page, "playground-stopped");

  await page.getByRole("textbox", { name: "Message" }).fill("A draft I have not sent yet");
  await page.reload();
  await expect(assistantTurn(page, 2)).toContainText("Quantum computers use qubits");
  await expect(assistantTurn(page, 2).getByText("Interrupted", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("A draft I have not sent yet");
});

test("a gateway error shows inline with what to do, and Regenerate retries it", async ({ page }) => {
  await openNewConversation(page);
  answerNextWith({
    type: "error",
    status: 429,
    errorType: "rate_limit_error",
    message: "Number of requests has exceeded your rate limit",
  });
  await send(page, "Hello?");
  const turn = assistantTurn(page, 2);
  await expect(turn.getByRole("alert")).toContainText("rate limit");
  await expect(turn.getByRole("alert")).toContainText("Rate limited: wait a moment, then press Regenerate.");
  await screenshot(page, "playground-gateway-error");
  answerNextWith(fixture("anthropic-text"));
  await turn.getByRole("button", { name: "Regenerate message 2" }).click();
  await expect(assistantTurn(page, 2)).toContainText("Quantum computers use qubits");
  await expect(assistantTurn(page, 2).getByRole("alert")).toHaveCount(0);
});

test("a tool call answered by the user, then the model continues", async ({ page }) => {
  await openNewConversation(page);
  await page.getByRole("button", { name: "Add tool" }).click();
  await expect(page.getByRole("textbox", { name: "Tool 1 name" })).toHaveValue("get_weather");
  const schema = page.getByRole("textbox", { name: "Input schema (JSON Schema)" });
  await schema.fill('{"type": "object", "properties": {"location": {"type": "string"}}, "required": ["city"]}');
  await expect(page.getByText('"required" names "city", which is not in "properties".').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  await schema.fill(
    '{"type": "object", "properties": {"location": {"type": "string"}, "unit": {"type": "string"}}, "required": ["location"]}',
  );

  answerNextWith(fixture("anthropic-tool-use"));
  await send(page, "What's the weather in Tokyo?");
  const card = page.getByRole("region", { name: "Tool call get_weather" });
  await expect(card).toContainText('"location": "Tokyo"');
  await page.getByRole("textbox", { name: "Result for get_weather" }).fill("22°C and sunny");
  await screenshot(page, "playground-tool-call");
  answerNextWith(fixture("anthropic-text"));
  await page.getByRole("button", { name: "Send tool results" }).click();
  await expect(card).toContainText("22°C and sunny");
  await expect(assistantTurn(page, 4)).toContainText("Quantum computers use qubits");
  await screenshot(page, "playground-tool-answered");

  const [first, second] = await upstream.fake.waitForRequests(2);
  expect(bodyOf(first!).tools?.[0]).toMatchObject({
    name: "get_weather",
    input_schema: { type: "object", required: ["location"] },
  });
  expect(bodyOf(second!).messages.at(-1)).toEqual({
    role: "user",
    content: [{ type: "tool_result", tool_use_id: "toolu_01WeatherFixture", content: "22°C and sunny" }],
  });
});

test("phone width: the conversation and composer fit, settings open on demand", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openNewConversation(page);
  await expect(page.getByRole("complementary", { name: "Settings" })).toBeHidden();
  answerNextWith(fixture("anthropic-thinking-code"));
  await send(page, "Design a rate limiter.");
  await expect(assistantTurn(page, 2).getByRole("heading", { name: "Rate limiter" })).toBeVisible();
  await screenshot(page, "playground-phone");
  await page.getByRole("button", { name: "Settings" }).click();
  await expect(page.getByRole("complementary", { name: "Settings" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, "playground-phone-settings");
});

test("edit and resend a user turn replaces what followed it; the title follows the first message until renamed", async ({
  page,
}) => {
  await openNewConversation(page);
  answerNextWith(fixture("anthropic-text"));
  await send(page, "Explain qubits");
  await expect(assistantTurn(page, 2)).toContainText("Quantum computers use qubits");
  await expect(page.getByRole("textbox", { name: "Conversation title" })).toHaveValue("Explain qubits");

  await page.getByRole("button", { name: "Edit message 1" }).click();
  const editor = page.getByRole("textbox", { name: "Edit message 1" });
  await editor.fill("Explain qubits to a child");
  answerNextWith(fixture("anthropic-thinking"));
  await editor.press("Control+Enter");
  await expect(assistantTurn(page, 2)).toContainText("Use sharded token buckets.");
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(page.getByRole("textbox", { name: "Conversation title" })).toHaveValue("Explain qubits to a child");
  const [, edited] = await upstream.fake.waitForRequests(2);
  expect(bodyOf(edited!).messages).toEqual([
    { role: "user", content: [{ type: "text", text: "Explain qubits to a child" }] },
  ]);

  const title = page.getByRole("textbox", { name: "Conversation title" });
  await title.fill("Qubits for kids");
  const renamed = page.waitForResponse(
    (response) =>
      response.request().method() === "PATCH" && (response.request().postData() ?? "").includes("Qubits for kids"),
  );
  await title.press("Enter");
  expect((await renamed).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Conversation title" })).toHaveValue("Qubits for kids");
});
