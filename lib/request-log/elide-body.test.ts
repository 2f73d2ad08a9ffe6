import { describe, expect, it } from "vitest";
import { BODY_NOT_STORED, bodyForLog, MAX_LOGGED_BODY_CHARS, MAX_LOGGED_BODY_DEPTH } from "./elide-body";

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

  const AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  const PEM =
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nq0ab1xYz\n-----END PRIVATE KEY-----\n";
  it.each([
    ["an AWS secret access key after its name", `aws_secret_access_key = ${AWS_SECRET}`, AWS_SECRET],
    ["an AWS secret access key in an env line", `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`, AWS_SECRET],
    ["an AWS secret access key in JSON text", `{"SecretAccessKey": "${AWS_SECRET}"}`, AWS_SECRET],
    ["an AWS secret access key on its own", `keys: AKIAIOSFODNN7EXAMPLE ${AWS_SECRET}`, AWS_SECRET],
    ["an AWS access key id", "id AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"],
    ["password=…", "connect with user=admin&password=hunter2&db=x", "hunter2"],
    ["password: …", "login: admin, password: hunter2", "hunter2"],
    ['"password": "…"', 'config {"user": "admin", "password": "correct horse battery"}', "correct horse battery"],
    ['\\"password\\": \\"…\\" (JSON inside a JSON string)', '{\\"password\\": \\"s3cr3t pass\\"}', "s3cr3t pass"],
    ["a short bearer token", "curl -H 'Authorization: Bearer ab12cd34ef'", "ab12cd34ef"],
    [
      "a JSON web token",
      "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "eyJzdWIiOiIxMjM0NTY3ODkwIn0",
    ],
    [
      "a service-account private key",
      `{"type": "service_account", "private_key": "${PEM.replaceAll("\n", "\\n")}"}`,
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
    ],
    [
      "a PEM private key with real newlines",
      `here: ${PEM} thanks`,
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
    ],
    ["a PEM private key cut off", PEM.slice(0, 60), "MIIEvQIBADAN"],
  ])("redacts %s inside text", (_case, text, secret) => {
    const stored = bodyForLog({ messages: [{ role: "user", content: text }] })!;
    expect(stored).toContain("[redacted]");
    expect(stored).not.toContain(secret);
    expect(bodyForLog(text)).not.toContain(secret);
  });

  it.each([
    ["a git commit hash", "fixed in 0a4b6d2c9e8f7a1b3c5d7e9f0a2b4c6d8e0f1a3b"],
    ["prose about passwords", "Choose a strong password and keep it secret."],
    ["prose about bearer tokens", "Bearer authentication sends a token."],
    ["a URL", "See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"],
  ])("leaves %s alone", (_case, text) => {
    expect(JSON.parse(bodyForLog({ content: text })!)).toEqual({ content: text });
  });

  it.each([
    ["a private_key field", { private_key: PEM }],
    ["a client_secret field", { client_secret: "abc" }],
    ["a secretAccessKey field", { credentials: { secretAccessKey: AWS_SECRET } }],
  ])("redacts %s whatever it holds", (_case, body) => {
    const stored = bodyForLog(body)!;
    expect(stored).toContain("[redacted]");
    expect(stored).not.toMatch(/MIIEvQ|abc|wJalr/);
  });

  it("stores a value nested 50,000 levels deep without throwing, cut off at the depth cap", () => {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let level = 0; level < 50_000; level++) node = node.metadata = {};
    const stored = bodyForLog({ model: "x", metadata: root })!;
    expect(stored).toContain(`nested deeper than ${MAX_LOGGED_BODY_DEPTH} levels`);
  });

  it("stores a cycle up to the depth cap instead of throwing", () => {
    const body: Record<string, unknown> = { a: 1 };
    body.self = { again: body };
    expect(bodyForLog(body)).toContain(`nested deeper than ${MAX_LOGGED_BODY_DEPTH} levels`);
  });

  it("stores a note instead of a body it cannot serialize", () => {
    const body = Object.defineProperty({}, "boom", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(bodyForLog(body)).toBe(BODY_NOT_STORED);
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
