import { SAMPLE_PDF_BASE64 } from "../../lib/view-code/sample-attachments";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

// Signed in as the suite's admin. The View code dialog is hosted by AI Gateway › Quickstart.

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** The JSON body a curl snippet sends: the quoted heredoc between `<<'JSON'` and `JSON`. */
function curlBody(code: string): Record<string, unknown> {
  const start = code.indexOf("<<'JSON'\n") + "<<'JSON'\n".length;
  return JSON.parse(code.slice(start, code.lastIndexOf("\nJSON")));
}

test("Quickstart: View code shows runnable snippets for a model, abbreviates base64 until asked, copies them", async ({
  page,
  baseURL,
}) => {
  await page.goto("/gateway/quickstart");
  await expect(page.getByRole("heading", { level: 1, name: "Quickstart" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "AI Gateway" }).getByRole("link", { name: "Quickstart" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle("Quickstart · AI Gateway · Switchyard");
  await page.getByLabel("2. Pick a model").selectOption("anthropic/claude-opus-4-6");
  await screenshot(page, "quickstart", { fullPage: true });

  await page.getByRole("button", { name: "View code: Image and PDF, cached for an hour" }).click();
  const dialog = page.getByRole("dialog", { name: "View code: Image and PDF, cached for an hour" });
  await expect(dialog).toBeVisible();
  const tabs = dialog.getByRole("tablist", { name: "Snippet language" }).getByRole("tab");
  await expect(tabs).toHaveText(["cURL", "TypeScript", "Python", "Anthropic SDK"]);
  await expect(dialog.getByRole("tab", { name: "cURL" })).toHaveAttribute("aria-selected", "true");

  // Readable first: the PDF is abbreviated and the dialog says so.
  const curl = dialog.getByRole("tabpanel").getByLabel("cURL code");
  await expect(curl).toContainText(`curl -X POST ${baseURL}/v3/router/chat/completions`);
  await expect(curl).toContainText('-H "Authorization: Bearer $SWITCHYARD_API_KEY"');
  await expect(curl).toContainText("more characters]");
  await expect(curl).not.toContainText(SAMPLE_PDF_BASE64);
  await expect(dialog.getByText("1 large base64 value is abbreviated for reading")).toBeVisible();
  const fullBase64 = dialog.getByRole("switch", { name: "Include full base64" });
  await expect(fullBase64).toHaveAttribute("aria-checked", "false");
  await screenshot(page, "view-code-curl-abbreviated");

  // Runnable: full base64, and the copied text is exactly the snippet shown.
  await fullBase64.click();
  await expect(fullBase64).toHaveAttribute("aria-checked", "true");
  await expect(curl).toContainText(SAMPLE_PDF_BASE64);
  await expect(dialog.getByText("abbreviated for reading")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Copy cURL code" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await curl.textContent());
  const body = curlBody(copied);
  expect(body.model).toBe("anthropic/claude-opus-4-6");
  expect(JSON.stringify(body.messages)).toContain(`data:application/pdf;base64,${SAMPLE_PDF_BASE64}`);
  expect(JSON.stringify(body.messages)).toContain('"ttl":"1h"');

  // Keyboard: arrows move between tabs.
  await dialog.getByRole("tab", { name: "cURL" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("tab", { name: "TypeScript" })).toHaveAttribute("aria-selected", "true");
  await expect(dialog.getByRole("tab", { name: "TypeScript" })).toBeFocused();
  await expect(dialog.getByLabel("TypeScript code")).toContainText('import OpenAI from "openai";');
  await expect(dialog.getByLabel("TypeScript code")).toContainText(`baseURL: "${baseURL}/v3/router"`);
  await page.keyboard.press("End");
  await expect(dialog.getByRole("tab", { name: "Anthropic SDK" })).toHaveAttribute("aria-selected", "true");
  const anthropic = dialog.getByLabel("Anthropic SDK code");
  await expect(anthropic).toContainText('import Anthropic from "@anthropic-ai/sdk";');
  await expect(anthropic).toContainText('{ headers: { "anthropic-beta": "extended-cache-ttl-2025-04-11" } }');
  await expect(anthropic).toContainText('model: "anthropic/claude-opus-4-6"');
  await dialog.getByRole("tab", { name: "Python" }).click();
  await expect(dialog.getByLabel("Python code")).toContainText("from openai import OpenAI");
  await expect(dialog.getByLabel("Python code")).toContainText(`base_url="${baseURL}/v3/router"`);
  await screenshot(page, "view-code-python-dark", { colorScheme: "dark" });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("Quickstart: the examples follow the model's capabilities", async ({ page }) => {
  await page.goto("/gateway/quickstart");
  const select = page.getByLabel("2. Pick a model");
  await select.selectOption("anthropic/claude-haiku-4-5-20251001");
  await page.getByRole("button", { name: "View code: Extended thinking" }).click();
  const dialog = page.getByRole("dialog", { name: "View code: Extended thinking" });
  await dialog.getByRole("tab", { name: "TypeScript" }).click();
  await expect(dialog.getByLabel("TypeScript code")).toContainText(
    'thinking: { type: "enabled", budget_tokens: 8000 }',
  );
  // Nothing large in this request: no base64 switch.
  await expect(dialog.getByRole("switch", { name: "Include full base64" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close" }).click();

  await select.selectOption("aws/anthropic/claude-opus-4-6");
  await page.getByRole("button", { name: "View code: Extended thinking" }).click();
  await dialog.getByRole("tab", { name: "Python" }).click();
  await expect(dialog.getByLabel("Python code")).toContainText('model="aws/anthropic/claude-opus-4-6"');
  await expect(dialog.getByLabel("Python code")).toContainText('extra_body={"thinking": {"type": "adaptive"}}');
});

test("Quickstart and the View code dialog fit a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/gateway/quickstart");
  await page.getByRole("button", { name: "View code: Tool use" }).click();
  const dialog = page.getByRole("dialog", { name: "View code: Tool use" });
  await expect(dialog.getByLabel("cURL code")).toContainText('"name": "get_weather"');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await screenshot(page, "view-code-phone");
});
