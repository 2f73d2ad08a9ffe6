import { describe, expect, it } from "vitest";
import { generateShareToken, hashShareToken, isWellFormedShareToken } from "./share-token";

describe("share tokens", () => {
  it("are 192-bit base64url strings, different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateShareToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Buffer.from(token, "base64url").byteLength * 8).toBeGreaterThanOrEqual(128);
      expect(isWellFormedShareToken(token)).toBe(true);
    }
  });

  it.each(["", "short", "a".repeat(31), "a".repeat(33), `${"a".repeat(31)}=`, `${"a".repeat(31)}/`])(
    "rejects %j",
    (token) => {
      expect(isWellFormedShareToken(token)).toBe(false);
    },
  );

  it("hashes deterministically to hex SHA-256", () => {
    expect(hashShareToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
