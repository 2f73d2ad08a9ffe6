import { describe, expect, it } from "vitest";
import { bodyForLog, MAX_LOGGED_BODY_CHARS } from "./elide-body";

const png = "iVBORw0KGgo" + "A".repeat(4000);

describe("bodyForLog", () => {
  it.each([
    [
      "an Anthropic base64 image source",
      { type: "image", source: { type: "base64", media_type: "image/png", data: png } },
      png,
    ],
    ["an OpenAI data: URL", { type: "image_url", image_url: { url: `data:image/png;base64,${png}` } }, png],
    ["a Responses input_file", { type: "input_file", file_data: `data:application/pdf;base64,${png}` }, png],
  ])("elides %s", (_case, part, payload) => {
    const stored = bodyForLog({ messages: [{ role: "user", content: [part] }] })!;
    expect(stored).not.toContain(payload.slice(0, 100));
    expect(stored).toMatch(/\[base64 elided: \d+ chars\]/);
  });

  it.each([
    ["an Anthropic key", "my key is sk-ant-api03-abcdefghijklmnopqrstuvwxyz please"],
    ["a gateway key", "use sy-1a2b3c4d-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg"],
    ["a bearer token", "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345"],
  ])("redacts %s inside text", (_case, text) => {
    const stored = bodyForLog({ messages: [{ role: "user", content: text }] })!;
    expect(stored).toContain("[redacted]");
    expect(stored).not.toMatch(/sk-ant-api03-abc|AbCdEfGhIjKl|abcdefghijklmnopqrstuvwxyz012345/);
  });

  it("never stores fields named like secrets", () => {
    expect(JSON.parse(bodyForLog({ api_key: "anything", nested: { Authorization: "x" } })!)).toEqual({
      api_key: "[redacted]",
      nested: { Authorization: "[redacted]" },
    });
  });

  it("keeps ordinary prose and numbers as they are", () => {
    const body = {
      model: "anthropic/claude-sonnet-4-6",
      max_tokens: 64,
      messages: [{ role: "user", content: "Explain quantum computing, simply." }],
    };
    expect(JSON.parse(bodyForLog(body)!)).toEqual(body);
  });

  it("caps the stored size", () => {
    const stored = bodyForLog({ text: "word ".repeat(40_000) })!;
    expect(stored.length).toBeLessThan(MAX_LOGGED_BODY_CHARS + 100);
    expect(stored).toMatch(/\[truncated: \d+ chars in all\]$/);
  });

  it("stores nothing when there is no body", () => {
    expect(bodyForLog(undefined)).toBeNull();
  });
});
