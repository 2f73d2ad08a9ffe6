import { readFileSync } from "node:fs";
import { screenshot } from "./fixtures/screenshot";
import { expect, test } from "./fixtures/test";

/**
 * /sessions: search, rename, duplicate, delete with undo, export then import, open in the
 * playground. Sessions are made through the API (the playground's own tests cover chatting).
 */
test("the sessions list: search, rename, duplicate, delete and undo, export and import, open", async ({
  memberSession,
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, storageState: memberSession.storageStatePath });
  const member = await context.newPage();
  const run = Date.now().toString(36);
  for (const title of [`Alpha ${run}`, `Beta ${run}`, `Gamma ${run}`]) {
    const response = await member.request.post("/api/playground/sessions", {
      data: {
        model: "anthropic/claude-sonnet-4-6",
        title,
        settings: {
          systemPrompt: "",
          systemCache: null,
          thinking: { mode: "off" },
          parameters: { maxTokens: null, temperature: null, topP: null, topK: null, stopSequences: [] },
          tools: [],
        },
      },
    });
    expect(response.status()).toBe(201);
  }
  await member.goto("/sessions");
  const list = member.getByRole("list", { name: "Sessions" });
  // Most recent first.
  await expect(list.getByRole("listitem").first()).toContainText(`Gamma ${run}`);
  await member.getByRole("searchbox", { name: "Search sessions" }).fill(`beta ${run}`);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(`Beta ${run}`);

  await list
    .getByRole("group", { name: `Actions for Beta ${run}` })
    .getByRole("button", { name: "Rename" })
    .click();
  await member.getByRole("textbox", { name: `New title for Beta ${run}` }).fill(`Bravo ${run}`);
  await member.getByRole("button", { name: "Save" }).click();
  await member.getByRole("searchbox", { name: "Search sessions" }).fill(run);
  await expect(list).toContainText(`Bravo ${run}`);
  await expect(list).not.toContainText(`Beta ${run}`);

  await list
    .getByRole("group", { name: `Actions for Bravo ${run}` })
    .getByRole("button", { name: "Duplicate" })
    .click();
  await expect(list.getByRole("link", { name: `Bravo ${run} (copy)` })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(4);

  await list
    .getByRole("group", { name: `Actions for Alpha ${run}` })
    .getByRole("button", { name: "Delete" })
    .click();
  const toast = member.getByRole("status");
  await expect(toast).toContainText(`Deleted “Alpha ${run}”`);
  await expect(list.getByRole("link", { name: `Alpha ${run}` })).toHaveCount(0);
  await screenshot(member, "sessions-list-undo");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(list.getByRole("link", { name: `Alpha ${run}` })).toBeVisible();

  // Export downloads the JSON document; importing it makes a new session and opens it.
  const [download] = await Promise.all([
    member.waitForEvent("download"),
    list
      .getByRole("group", { name: `Actions for Gamma ${run}` })
      .getByRole("link", { name: "Export" })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe(`Gamma ${run}.switchyard-session.json`);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as { version: number; title: string };
  expect(exported).toMatchObject({ version: 1, title: `Gamma ${run}` });
  await member.getByLabel("Import a session file").setInputFiles({
    name: "import.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...exported, title: `Imported ${run}` })),
  });
  await expect(member).toHaveURL(/\/playground\?session=/);
  await expect(member.getByRole("textbox", { name: "Conversation title" })).toHaveValue(`Imported ${run}`);

  // A broken file says what is wrong.
  await member.goto("/sessions");
  await member.getByLabel("Import a session file").setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...exported, version: 3 })),
  });
  await expect(
    member.getByRole("alert").filter({ hasText: "format version 3; this install reads version 1" }),
  ).toBeVisible();

  await member.getByRole("searchbox", { name: "Search sessions" }).fill(`Bravo ${run} (copy)`);
  await list.getByRole("link", { name: `Bravo ${run} (copy)` }).click();
  await expect(member).toHaveURL(/\/playground\?session=/);
  await expect(member.getByRole("textbox", { name: "Conversation title" })).toHaveValue(`Bravo ${run} (copy)`);
  await context.close();
});
