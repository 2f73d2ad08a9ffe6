import { describe, expect, it } from "vitest";
import { whyModelUnavailable, type ModelAccess } from "./model-availability";

const anthropicAndAws: ModelAccess = { providers: new Set(["anthropic", "aws"]), allowlist: null };
const sonnetOnly: ModelAccess = { ...anthropicAndAws, allowlist: (id) => id.endsWith("claude-sonnet-4-6") };
const nothing: ModelAccess = { providers: new Set(), allowlist: null };

describe("whyModelUnavailable", () => {
  it.each([
    ["anthropic/claude-sonnet-4-6", anthropicAndAws, null],
    ["claude-sonnet-4-6", anthropicAndAws, null],
    ["aws/anthropic/claude-opus-4-6", anthropicAndAws, null],
    ["google/anthropic/claude-opus-4-6", anthropicAndAws, "no_credential"],
    ["openai/gpt-5", anthropicAndAws, "no_credential"],
    ["anthropic/claude-sonnet-4-6", sonnetOnly, null],
    ["anthropic/claude-opus-4-6", sonnetOnly, "not_allowed"],
    ["google/anthropic/claude-sonnet-4-6", sonnetOnly, "no_credential"],
    ["anthropic/claude-sonnet-4-6", nothing, "no_credential"],
  ] as const)("%s → %s", (id, access, reason) => {
    expect(whyModelUnavailable(id, access)).toBe(reason);
  });
});
