import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeAnthropicServer } from "@/tests/fake-upstream/fake-anthropic-server";
import { startResponsesRouteUnderTest, type ResponsesRouteUnderTest } from "../helpers/responses-route-under-test";

/** Failures through the official `openai` SDK: stored-state requests, validation, upstream errors, aborts. */
let route: ResponsesRouteUnderTest;
let upstream: FakeAnthropicServer;
let client: OpenAI;

beforeAll(async () => {
  route = await startResponsesRouteUnderTest();
  ({ upstream, client } = route);
});
afterAll(() => route?.close());
beforeEach(() => upstream.reset());

const useFixture = (fixture: string) => upstream.addRule({ scenario: { type: "fixture", fixture }, times: 1 });

describe("official openai SDK: responses failures", () => {
  it("reports a mid-stream upstream failure as response.failed, then ends", async () => {
    useFixture("anthropic-error-mid-stream");
    const stream = await client.responses.create({ model: "anthropic/claude-sonnet-4-6", input: "Go", stream: true });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.at(-1)).toMatchObject({
      type: "response.failed",
      response: { status: "failed", error: { code: "server_error", message: "Overloaded" } },
    });
    expect(events.filter((event) => event.type === "response.output_text.delta").map((event) => event.delta)).toEqual([
      "Once upon a",
    ]);
  });

  it('marks a max_tokens stop as status "incomplete" with reason max_output_tokens', async () => {
    useFixture("anthropic-max-tokens");
    const response = await client.responses.create({
      model: "anthropic/claude-haiku-4-5",
      input: "Tell me a story",
      max_output_tokens: 16,
    });
    expect(response).toMatchObject({
      status: "incomplete",
      incomplete_details: { reason: "max_output_tokens" },
      max_output_tokens: 16,
    });
    expect(response.output_text).toBe("Once upon a time, in a land far");
  });

  it.each([
    [{ store: true }, "store"],
    [{ previous_response_id: "resp_123" }, "previous_response_id"],
  ])("%j is a 400 saying stored responses are not kept, and nothing reaches the upstream", async (extra, param) => {
    const error = await client.responses
      .create({ model: "anthropic/claude-sonnet-4-6", input: "Hi", ...extra })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param, code: "store_not_supported", type: "invalid_request_error" });
    expect((error as Error).message).toMatch(/does not store responses/);
    expect(upstream.requests).toHaveLength(0);
  });

  it("validation errors are 400s in OpenAI's shape before any upstream call", async () => {
    const error = await client.responses
      .create({
        model: "anthropic/claude-sonnet-4-6",
        input: "x",
        thinking: { type: "enabled", budget_tokens: 100 },
      } as never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: "thinking.budget_tokens", type: "invalid_request_error" });
    expect(upstream.requests).toHaveLength(0);
  });

  it("an upstream 529 arrives as a 503 APIError", async () => {
    upstream.addRule({
      scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
    });
    const error = await client.responses
      .create({ model: "anthropic/claude-sonnet-4-6", input: "x" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 503, code: "provider_overloaded" });
  });

  it("a wrong gateway key is a 401 in OpenAI's shape", async () => {
    const stranger = route.clientWithKey("sy-nope");
    const error = await stranger.responses
      .create({ model: "anthropic/claude-sonnet-4-6", input: "x" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(upstream.requests).toHaveLength(0);
  });

  it("aborting the SDK stream closes the upstream connection within 1 s", async () => {
    upstream.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 4 } });
    const controller = new AbortController();
    const stream = await client.responses.create(
      { model: "anthropic/claude-sonnet-4-6", input: "Go", stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const [recorded] = await upstream.waitForRequests(1);
    const abortedAt = Date.now();
    controller.abort();
    await iterator.next().catch(() => undefined);
    expect((await recorded!.clientClosed) - abortedAt).toBeLessThan(1000);
  });
});
