import { mkdirSync } from "node:fs";
import { A11Y_SCREENSHOTS, expectNoSeriousViolations } from "./fixtures/axe";
import { useFakeAnthropicCredential } from "./fixtures/fake-anthropic-credential";
import { send } from "./fixtures/playground";
import { expect as baseExpect, test } from "./fixtures/test";

// Streams and axe runs on a busy 2-core machine: longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * Every screen a new user meets, at desktop and phone sizes, in light and dark (system and
 * toggle): no serious or critical axe-core findings (contrast, names, roles). The first-run
 * setup page is checked only when the suite's server is fresh (see accounts.ts), since it
 * disappears once an admin exists.
 */
const upstream = useFakeAnthropicCredential("Accessibility fake Anthropic");
test.setTimeout(300_000);
test.beforeAll(() => mkdirSync(A11Y_SCREENSHOTS, { recursive: true }));

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("every screen has no serious or critical accessibility violations in light and dark", async ({
      page,
      browser,
      baseURL,
    }) => {
      const tag = Date.now().toString(36);
      const anonymous = await browser.newContext({ baseURL, viewport, storageState: { cookies: [], origins: [] } });
      const reader = await anonymous.newPage();
      await reader.goto("/sign-in");
      await expect(reader.getByRole("button", { name: "Sign in" })).toBeVisible();
      await expectNoSeriousViolations(reader, "sign-in");

      await page.goto("/");
      await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
      await expectNoSeriousViolations(page, "home");

      await page.goto("/playground?new=1");
      await page.evaluate(() => window.localStorage.removeItem("switchyard.playground.compare"));
      await page.reload();
      await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
      await expectNoSeriousViolations(page, "playground-empty");

      // The answer and compare flows run at desktop size (on a phone the model settings sit in the
      // playground's own menu, another screen's concern); the phone run reads the same conversation.
      const title = viewport.width >= 1024 ? `Accessible ${tag}` : "Accessible";
      if (viewport.width >= 1024) {
        // A streamed answer with its reasoning.
        await page.getByRole("button", { name: /Change model/ }).click();
        const picker = page.getByRole("dialog", { name: "Choose a model" });
        await picker.getByRole("searchbox", { name: "Search models" }).fill("sonnet 4.6");
        await expectNoSeriousViolations(page, "playground-model-picker");
        // The theme select took the focus, which may have closed the picker.
        if (!(await picker.isVisible())) {
          await page.getByRole("button", { name: /Change model/ }).click();
          await picker.getByRole("searchbox", { name: "Search models" }).fill("sonnet 4.6");
        }
        await picker.getByRole("button", { name: /^Claude Sonnet 4\.6 anthropic\/claude-sonnet-4-6/ }).click();
        await page.getByRole("radio", { name: "Manual" }).check();
        upstream.fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-thinking-code" }, times: 1 });
        await send(page, `${title}: what should we build?`);
        const answer = page.getByRole("article", { name: "Assistant, message 2" });
        await expect(answer.getByRole("heading", { name: "Rate limiter" })).toBeVisible();
        await expect(answer.getByRole("group", { name: "Reasoning 1" })).toBeVisible();
        await expect(answer.getByRole("button", { name: "Regenerate message 2" })).toBeVisible();
        await expectNoSeriousViolations(page, "playground-answer");

        await page.getByRole("button", { name: "Compare" }).click();
        await expect(page.getByRole("region", { name: "Column 2" })).toBeVisible();
        await expectNoSeriousViolations(page, "playground-compare");
        await page.getByRole("button", { name: "Compare" }).click();
        await expect(page.getByRole("region", { name: "Column 2" })).toBeHidden();
      }

      await page.goto("/sessions");
      await expect(page.getByRole("link", { name: new RegExp(`^${title}`) }).first()).toBeVisible();
      await expectNoSeriousViolations(page, "sessions");

      const { sessions } = (await (await page.request.get(`/api/sessions?q=${encodeURIComponent(title)}`)).json()) as {
        sessions: Array<{ id: string }>;
      };
      const shared = await page.request.post(`/api/sessions/${sessions[0]!.id}/share`, {
        data: { expiresInDays: null },
      });
      expect(shared.status(), await shared.text()).toBeLessThan(300);
      const { share } = (await shared.json()) as { share: { path: string } };
      await reader.goto(share.path);
      await expect(reader.getByRole("heading", { name: "Rate limiter" })).toBeVisible();
      await expectNoSeriousViolations(reader, "shared-session");
      await anonymous.close();

      for (const screen of ["quickstart", "byok", "api-keys", "logs", "usage"]) {
        await page.goto(`/gateway/${screen}`);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await page.waitForLoadState("networkidle");
        await expectNoSeriousViolations(page, `gateway-${screen}`);
      }

      await page.goto("/settings");
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoSeriousViolations(page, "settings");
    });
  });
}
