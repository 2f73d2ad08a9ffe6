import { describe, expect, it } from "vitest";
import { GatewayError } from "../core/gateway-error";
import { AllAttemptsFailedError, runWithFallbacks } from "./run-with-fallbacks";

const overloaded = new GatewayError({
  status: 503,
  type: "upstream_error",
  code: "provider_overloaded",
  message: "Overloaded",
  retryable: true,
});
const notConfigured = new GatewayError({
  status: 400,
  type: "invalid_request_error",
  code: "provider_not_configured",
  message: "No Amazon Bedrock credential: add one under Gateway › BYOK.",
  retryable: true,
});
const badRequest = new GatewayError({ status: 400, type: "invalid_request_error", message: "max_tokens: too large" });

const candidates = ["anthropic/a", "aws/anthropic/a", "anthropic/b"].map((gatewayModelId) => ({ gatewayModelId }));

/** Each candidate fails with the error given for it, or answers with its own id. */
const attemptWith =
  (outcomes: Record<string, GatewayError | "ok">) => async (candidate: { gatewayModelId: string }) => {
    const outcome = outcomes[candidate.gatewayModelId];
    if (outcome instanceof GatewayError) throw outcome;
    return candidate.gatewayModelId;
  };

async function failureOf(promise: Promise<unknown>): Promise<AllAttemptsFailedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AllAttemptsFailedError);
  return error as AllAttemptsFailedError;
}

describe("runWithFallbacks", () => {
  it("serves with the first candidate that answers, skipping retryable failures", async () => {
    const outcome = await runWithFallbacks(
      candidates,
      attemptWith({ "anthropic/a": overloaded, "aws/anthropic/a": notConfigured, "anthropic/b": "ok" }),
    );
    expect(outcome.result).toBe("anthropic/b");
    expect(outcome.attempts.map((attempt) => [attempt.model, attempt.status, attempt.error])).toEqual([
      ["anthropic/a", 503, "provider_overloaded"],
      ["aws/anthropic/a", 400, "provider_not_configured"],
      ["anthropic/b", 200, undefined],
    ]);
  });

  it("stops at a failure that is not retryable and reports it as is", async () => {
    const error = await failureOf(runWithFallbacks(candidates, attemptWith({ "anthropic/a": badRequest })));
    expect(error).toMatchObject({ status: 400, message: "max_tokens: too large" });
    expect(error.attempts).toHaveLength(1);
  });

  it("when every candidate fails, reports the upstream failure with every model's reason (naming what to configure)", async () => {
    const error = await failureOf(
      runWithFallbacks(
        candidates,
        attemptWith({ "anthropic/a": overloaded, "aws/anthropic/a": notConfigured, "anthropic/b": overloaded }),
      ),
    );
    expect(error).toMatchObject({ status: 503, code: "provider_overloaded" });
    expect(error.message).toBe(
      "All 3 models failed. anthropic/a: Overloaded | aws/anthropic/a: No Amazon Bedrock credential: add one under Gateway › BYOK. | anthropic/b: Overloaded",
    );
  });

  it("a single failed model keeps its own message", async () => {
    const error = await failureOf(runWithFallbacks(candidates.slice(0, 1), attemptWith({ "anthropic/a": overloaded })));
    expect(error.message).toBe("Overloaded");
  });
});
