import { describe, expect, it } from "vitest";
import { lockoutSeconds, signInSubjects } from "./sign-in-throttle";

describe("lockoutSeconds", () => {
  it.each([
    // failures, free, window → seconds
    [0, 5, 900, 0],
    [4, 5, 900, 0],
    [5, 5, 900, 113],
    [6, 5, 900, 226],
    [7, 5, 900, 452],
    [8, 5, 900, 900],
    [50, 5, 900, 900],
    [5, 5, 16, 2],
    [6, 5, 16, 4],
    [5, 5, 1, 1],
    [1000, 5, 86_400, 86_400],
  ])("%i failures (%i free, window %i s) → %i s", (failures, free, window, expected) => {
    expect(lockoutSeconds(failures, free, window)).toBe(expected);
  });
});

describe("signInSubjects", () => {
  it("names the account by a hash of its normalized email, and the address as is", () => {
    const [account, ip] = signInSubjects(" Someone@Example.com", "10.0.0.7");
    expect(account!.id).toBe(signInSubjects("someone@example.com", "x")[0]!.id);
    expect(account!.id).not.toContain("someone");
    expect(ip!.id).toBe("sign-in:ip:10.0.0.7");
  });
});
