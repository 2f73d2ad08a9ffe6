import { describe, expect, it } from "vitest";
import { listRouterModels } from "@/lib/catalog/list-router-models";
import { modelCatalog, providerPrefixes } from "@/lib/catalog/model-catalog";
import { gatewayModelIdProblem, MAX_GATEWAY_MODEL_ID_LENGTH } from "./gateway-model-id-syntax";

/** Every id the catalog answers to, and every provider id form a caller may send after a prefix. */
function everyKnownId(): string[] {
  const ids = listRouterModels().data.flatMap((model) => [model.id, model.upstream_model_id]);
  for (const entry of modelCatalog) {
    ids.push(`${providerPrefixes.aws}${entry.bedrock.modelId}`, `${providerPrefixes.google}${entry.vertex.modelId}`);
    for (const profile of Object.values(entry.bedrock.inferenceProfileIds))
      ids.push(`${providerPrefixes.aws}${profile}`);
  }
  return ids;
}

describe("gatewayModelIdProblem", () => {
  it("accepts every catalog id in every provider form", () => {
    expect(everyKnownId().filter((id) => gatewayModelIdProblem(id) !== undefined)).toEqual([]);
  });

  it.each([
    "anthropic/claude-sonnet-4-6",
    "claude-opus-4-6",
    "aws/anthropic/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "google/anthropic/claude-opus-4-5@20251101",
    "aws/anthropic/arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
    "anthropic/claude+custom_1",
    "a".repeat(MAX_GATEWAY_MODEL_ID_LENGTH),
  ])("accepts %s", (id) => {
    expect(gatewayModelIdProblem(id)).toBeUndefined();
  });

  it.each([
    ["empty", "", "it is empty"],
    ["one character too long", "a".repeat(MAX_GATEWAY_MODEL_ID_LENGTH + 1), "it is 257 characters long"],
    ["100 KB", "anthropic/" + "x".repeat(100_000), "it is 100010 characters long"],
    ["a NUL", "anthropic/claude\u0000", "the character U+0000 at position 17"],
    ["a newline", "anthropic/claude\nx", "the character U+000A at position 17"],
    ["a space", "anthropic/claude sonnet", "the character U+0020 at position 17"],
    ["a non-Latin-1 character", "anthropic/claude-☃", "the character U+2603 at position 18"],
    ["an emoji (one code point, two UTF-16 units)", "anthropic/😀x", "the character U+1F600 at position 11"],
    ["a comma", "anthropic/a,b", 'the character "," at position 12'],
    ["a semicolon", "anthropic/a;status=200", 'the character ";" at position 12'],
  ])("refuses an id with %s, without repeating it", (_case, id, problem) => {
    const message = gatewayModelIdProblem(id)!;
    expect(message).toContain(problem);
    expect(message.length).toBeLessThan(200);
  });
});
