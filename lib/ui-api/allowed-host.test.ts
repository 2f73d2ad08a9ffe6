import { describe, expect, it } from "vitest";
import { isAllowedHost } from "./allowed-host";

const allowed = ["127.0.0.1", "localhost", "::1", "app.example.com"];

describe("isAllowedHost", () => {
  it.each([
    ["127.0.0.1:3000", true],
    ["localhost", true],
    ["LOCALHOST:80", true],
    ["[::1]:3000", true],
    ["app.example.com.", true],
    ["evil.example", false],
    ["evil.example:3000", false],
    ["127.0.0.1.evil.example", false],
    ["", false],
    [undefined, false],
  ])("%j → %j", (host, expected) => {
    expect(isAllowedHost(host, allowed)).toBe(expected);
  });

  it("allows anything with ALLOWED_HOSTS=*", () => {
    expect(isAllowedHost("evil.example", undefined)).toBe(true);
  });
});
