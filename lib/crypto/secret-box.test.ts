import { describe, expect, it } from "vitest";
import { deriveSecretKey, open, seal, SecretBoxError, sealedKeyId } from "./secret-box";

const key = deriveSecretKey("a".repeat(32));
const otherKey = deriveSecretKey("b".repeat(32));

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("sk-ant-api03-SECRET", key, "cred_1");
    expect(sealed).toMatch(/^v1\.[0-9a-f]{12}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("SECRET");
    expect(open(sealed, key, "cred_1")).toBe("sk-ant-api03-SECRET");
  });

  it("uses a fresh IV every time", () => {
    expect(seal("x", key)).not.toBe(seal("x", key));
  });

  it("derives the same key from the same APP_SECRET", () => {
    expect(deriveSecretKey("a".repeat(32))).toEqual(key);
    expect(sealedKeyId(seal("x", key))).toBe(key.id);
  });

  it.each([
    ["another APP_SECRET", (sealed: string) => open(sealed, otherKey, "cred_1"), /different APP_SECRET/],
    ["another record", (sealed: string) => open(sealed, key, "cred_2"), /integrity check/],
    [
      "a flipped ciphertext byte",
      (sealed: string) => {
        const parts = sealed.split(".");
        parts[3] = Buffer.from(
          Buffer.from(parts[3]!, "base64url").map((byte, index) => (index === 0 ? byte ^ 1 : byte)),
        ).toString("base64url");
        return open(parts.join("."), key, "cred_1");
      },
      /integrity check/,
    ],
    ["garbage", () => open("not-sealed", key), /not in a format/],
  ])("refuses to open a value from %s", (_case, attempt, message) => {
    const sealed = seal("secret", key, "cred_1");
    expect(() => attempt(sealed)).toThrow(SecretBoxError);
    expect(() => attempt(sealed)).toThrow(message);
  });
});
