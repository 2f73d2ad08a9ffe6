import { writeFileSync } from "node:fs";
import os from "node:os";
import { useFakeAnthropicCredential } from "../e2e/fixtures/fake-anthropic-credential";
import { expect, test } from "../e2e/fixtures/test";
import { longMarkdownAnswerEvents } from "./long-markdown-answer";

/**
 * Measures (does not assert) how the playground's main thread copes with a long streamed
 * markdown answer: PERF_TOKENS tokens (default 20,000) at PERF_TOKENS_PER_SECOND (default 300),
 * through the real app and gateway from a fake Anthropic upstream. Prints the longest main-thread
 * tasks while streaming and around the end of the stream, and writes bench/playground-results.md.
 *
 *   npm run bench:playground          (PERF_TRACE=trace.json also writes a Chrome trace)
 */
const TOKENS = Number(process.env.PERF_TOKENS ?? 20_000);
const TOKENS_PER_SECOND = Number(process.env.PERF_TOKENS_PER_SECOND ?? 300);
const TOKENS_PER_DELTA = 10;

const upstream = useFakeAnthropicCredential("Playground perf fake Anthropic");
test.use({ viewport: { width: 1280, height: 900 } });

type LongTask = { start: number; duration: number };

test(`streaming a ${TOKENS.toLocaleString("en")}-token markdown answer`, async ({ page, browser }) => {
  test.setTimeout(15 * 60_000);
  upstream.fake.addRule({
    scenario: {
      type: "fixture",
      fixture: "generated-long-markdown",
      events: longMarkdownAnswerEvents(TOKENS, TOKENS_PER_DELTA),
      delayMs: Math.round((1000 * TOKENS_PER_DELTA) / TOKENS_PER_SECOND),
    },
    times: 1,
  });
  await page.addInitScript(() => {
    const tasks: LongTask[] = [];
    (window as unknown as { longTasks: LongTask[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto("/playground?new=1");
  const message = page.getByRole("textbox", { name: "Message" });
  await expect(message).toBeVisible();
  await page.waitForTimeout(1_000);

  if (process.env.PERF_TRACE)
    await browser.startTracing(page, {
      path: process.env.PERF_TRACE,
      categories: ["devtools.timeline", "disabled-by-default-v8.cpu_profiler", "v8", "blink.user_timing"],
    });
  const sentAt = await page.evaluate(() => performance.now());
  await message.fill("Design a distributed rate limiting system, in depth, with tables and code.");
  await message.press("Control+Enter");
  const stop = page.getByRole("button", { name: "Stop" });
  await expect(stop).toBeVisible();
  // Not expect(stop).toBeHidden(): a role query computes the accessible name of every element on
  // each poll, which on a 20k-token answer is itself a 100+ ms task on the page's main thread.
  await page.waitForFunction(
    () => ![...document.querySelectorAll("button")].some((button) => button.textContent?.trim() === "Stop"),
    undefined,
    { polling: 500, timeout: 10 * 60_000 },
  );
  const endedAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(3_000);
  if (process.env.PERF_TRACE) await browser.stopTracing();

  const tasks = (await page.evaluate(() => (window as unknown as { longTasks: LongTask[] }).longTasks)).filter(
    (task) => task.start >= sentAt,
  );
  const longest = (from: number, to: number) =>
    Math.max(0, ...tasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration));
  const result = {
    tokens: TOKENS,
    tokensPerSecond: TOKENS_PER_SECOND,
    streamSeconds: Math.round((endedAt - sentAt) / 100) / 10,
    longTasks: tasks.length,
    over100ms: tasks.filter((task) => task.duration > 100).length,
    longestWhileStreamingMs: Math.round(longest(sentAt, endedAt - 1_000)),
    longestAtEndMs: Math.round(longest(endedAt - 1_000, Infinity)),
    totalBlockingMs: Math.round(tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0)),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    "tasks over 100 ms (s after sending: ms):",
    tasks
      .filter((task) => task.duration > 100)
      .map((task) => `${((task.start - sentAt) / 1000).toFixed(1)}: ${Math.round(task.duration)}`)
      .join(", ") || "none",
  );
  const [load1] = os.loadavg();
  writeFileSync(
    "bench/playground-results.md",
    [
      `# Playground: streaming a long markdown answer`,
      ``,
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:playground\` (Debian Chromium, headless, 1280×900; ` +
        `${os.cpus().length} cores, load average ${load1!.toFixed(2)} at the end).`,
      `${result.tokens.toLocaleString("en")} tokens at ${result.tokensPerSecond} tokens/s in deltas of ${TOKENS_PER_DELTA} tokens ` +
        `(headings, lists, tables, TypeScript code blocks), from the fake Anthropic upstream through the gateway.`,
      ``,
      `| | value |`,
      `| --- | ---: |`,
      `| stream duration | ${result.streamSeconds} s |`,
      `| main-thread long tasks (> 50 ms) | ${result.longTasks} |`,
      `| … of which over 100 ms | ${result.over100ms} |`,
      `| longest while streaming | ${result.longestWhileStreamingMs} ms |`,
      `| longest at the end of the stream (last second + 3 s after) | ${result.longestAtEndMs} ms |`,
      `| total blocking time (Σ task − 50 ms) | ${result.totalBlockingMs} ms |`,
      ``,
    ].join("\n"),
  );
});
