import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_SECRET_FILE_NAME, readOrCreateAppSecret } from "./app-secret";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "switchyard-secret-"));

describe("readOrCreateAppSecret", () => {
  it("creates a 0600 secret file once and reuses it", () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const first = readOrCreateAppSecret(dataDir);
    const file = path.join(dataDir, APP_SECRET_FILE_NAME);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateAppSecret(dataDir)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("gives different installs different secrets", () => {
    expect(readOrCreateAppSecret(tempDir())).not.toBe(readOrCreateAppSecret(tempDir()));
  });

  it("tightens a secret file that others can read", () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, APP_SECRET_FILE_NAME), "s".repeat(40), { mode: 0o644 });
    expect(readOrCreateAppSecret(dataDir)).toBe("s".repeat(40));
    expect(statSync(path.join(dataDir, APP_SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it("refuses a truncated secret file", () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, APP_SECRET_FILE_NAME), "short");
    expect(() => readOrCreateAppSecret(dataDir)).toThrow(/shorter than 32 characters/);
  });
});
