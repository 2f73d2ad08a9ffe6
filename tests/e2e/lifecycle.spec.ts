import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppServer } from "../helpers/app-server";
import { runCli } from "../helpers/run-cli";

// One server of its own (port 3102, its own DATA_DIR) through restarts and a wiped data dir.
test("data survives restarts, the CLI works while serving, and a wiped DATA_DIR is recreated", async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "switchyard-lifecycle-")), "data");
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", APP_SECRET: "" };

  let server = await startAppServer(env, 3102);
  try {
    expect(server.output()).toMatch(/applied 1 migration\(s\)|applied \d+ migration/);
    const created = await runCli(["user", "create", "--email", "ops@example.com", "--password-stdin", "--admin"], {
      env,
      stdin: "operator-password",
    });
    expect(created.code, created.stderr).toBe(0);
    await page.goto(server.url);
    await expect(page.getByRole("link", { name: "Switchyard" })).toBeVisible();
  } finally {
    await server.stop();
  }
  const secret = readFileSync(path.join(dataDir, "app-secret"), "utf8");

  server = await startAppServer(env, 3102);
  try {
    expect(server.output()).toMatch(/up to date/);
    const duplicate = await runCli(["user", "create", "--email", "ops@example.com", "--password-stdin"], {
      env,
      stdin: "operator-password",
    });
    expect(duplicate.stderr).toMatch(/already exists/);
    expect(readFileSync(path.join(dataDir, "app-secret"), "utf8")).toBe(secret);
  } finally {
    await server.stop();
  }

  rmSync(dataDir, { recursive: true, force: true });
  server = await startAppServer(env, 3102);
  try {
    expect(existsSync(path.join(dataDir, "switchyard.db"))).toBe(true);
    expect(readFileSync(path.join(dataDir, "app-secret"), "utf8")).not.toBe(secret);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", db: "sqlite" });
    const again = await runCli(["user", "create", "--email", "ops@example.com", "--password-stdin"], {
      env,
      stdin: "operator-password",
    });
    expect(again.code, again.stderr).toBe(0);
  } finally {
    await server.stop();
  }
});
