import type { ServerResponse } from "node:http";
import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { signAwsRequest } from "@/lib/gateway/providers/bedrock/sign-aws-request";
import { accumulateAnthropicMessage } from "./accumulate-anthropic-message";
import type { AnthropicEvent } from "./anthropic-fixtures";
import { fixtureEvents, serveBrokenAnswer, type FakeScenario, type RecordedRequest } from "./fake-anthropic-server";
import { beforeStreamEvent, sendJson, startFakeProviderServer, type FakeProviderServer } from "./fake-provider-harness";

export type FakeBedrockOptions = {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry (and sign) this x-amz-security-token. */
  sessionToken?: string;
  region: string;
  defaultScenario?: FakeScenario;
};

export type FakeBedrockServer = FakeProviderServer & {
  /** What a request asked Bedrock for: operation, model id from the path, and the InvokeModel body. */
  invocationOf(request: RecordedRequest): BedrockInvocation;
};

export type BedrockInvocation = {
  operation: "invoke" | "invoke-with-response-stream" | "count-tokens";
  modelId: string;
  body: Record<string, unknown>;
};

const exceptionByAnthropicType: Record<string, { status: number; exception: string }> = {
  invalid_request_error: { status: 400, exception: "ValidationException" },
  authentication_error: { status: 403, exception: "UnrecognizedClientException" },
  permission_error: { status: 403, exception: "AccessDeniedException" },
  not_found_error: { status: 404, exception: "ResourceNotFoundException" },
  rate_limit_error: { status: 429, exception: "ThrottlingException" },
  api_error: { status: 500, exception: "InternalServerException" },
  overloaded_error: { status: 503, exception: "ServiceUnavailableException" },
};

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const PATH = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream|count-tokens)$/;

/**
 * A local Amazon Bedrock runtime for Claude: verifies each request's SigV4 signature (403 like
 * AWS when it does not match), checks the InvokeModel body Bedrock requires, and answers from
 * the same recorded Anthropic transcripts as the Anthropic fake — as the message JSON, or as
 * AWS binary event-stream `chunk` frames carrying each event as base64 JSON.
 */
export async function startFakeBedrockServer(options: FakeBedrockOptions): Promise<FakeBedrockServer> {
  const server = await startFakeProviderServer({
    defaultScenario: options.defaultScenario,
    async route(request, response, chooseScenario) {
      const match = PATH.exec(request.path);
      if (request.method !== "POST" || !match) {
        return sendBedrockError(
          response,
          404,
          "UnknownOperationException",
          `Unknown operation ${request.method} ${request.path}`,
        );
      }
      const signatureProblem = await verifySignature(request, options);
      if (signatureProblem)
        return sendBedrockError(response, 403, signatureProblem.exception, signatureProblem.message);
      const invocation = invocationOf(request);
      const invalid = validateInvokeBody(invocation.body);
      if (invalid) return sendBedrockError(response, 400, "ValidationException", invalid);
      if (invocation.operation === "count-tokens") {
        return sendJson(response, 200, {
          inputTokens: Math.max(1, Math.ceil(JSON.stringify(invocation.body).length / 4)),
        });
      }
      return serve(response, invocation, chooseScenario(request));
    },
  });
  return Object.assign(server, { invocationOf });
}

export function invocationOf(request: RecordedRequest): BedrockInvocation {
  const [, encodedModelId = "", operation] = PATH.exec(request.path) ?? [];
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (operation === "count-tokens") {
    const encoded = ((body.input as { invokeModel?: { body?: string } } | undefined)?.invokeModel?.body ??
      "") as string;
    let invokeBody: Record<string, unknown> = {};
    try {
      invokeBody = JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as Record<string, unknown>;
    } catch {}
    return { operation, modelId: decodeURIComponent(encodedModelId), body: invokeBody };
  }
  return { operation: operation as BedrockInvocation["operation"], modelId: decodeURIComponent(encodedModelId), body };
}

/** Recomputes the signature over what arrived; any difference is AWS's 403. */
async function verifySignature(
  request: RecordedRequest,
  options: FakeBedrockOptions,
): Promise<{ exception: string; message: string } | undefined> {
  const authorization = request.headers.authorization ?? "";
  const parsed =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!parsed)
    return { exception: "IncompleteSignatureException", message: "Authorization header requires a SigV4 signature." };
  const [, accessKeyId, , region, service, signedHeaderList] = parsed;
  if (accessKeyId !== options.accessKeyId) {
    return {
      exception: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    };
  }
  if (region !== options.region || service !== "bedrock") {
    return {
      exception: "InvalidSignatureException",
      message: `Credential should be scoped to a valid region (${region}/${service}).`,
    };
  }
  const amzDate = String(request.headers["x-amz-date"] ?? "");
  const dateMatch = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!dateMatch) return { exception: "IncompleteSignatureException", message: "x-amz-date is missing." };
  const sentToken = request.headers["x-amz-security-token"];
  if ((options.sessionToken ?? undefined) !== sentToken) {
    return {
      exception: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    };
  }
  const signedHeaders = signedHeaderList!.split(";");
  if (sentToken && !signedHeaders.includes("x-amz-security-token")) {
    return { exception: "InvalidSignatureException", message: "x-amz-security-token must be signed." };
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    if (name === "host" || name === "x-amz-date" || name === "x-amz-security-token") continue;
    headers[name] = String(request.headers[name] ?? "");
  }
  const [, year, month, day, hour, minute, second] = dateMatch;
  const expected = await signAwsRequest({
    method: request.method,
    url: new URL(`http://${request.headers.host}${request.path}`),
    headers,
    body: request.rawBody,
    credentials: {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: sentToken,
    },
    region: options.region,
    service: "bedrock",
    signingDate: new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`),
  });
  if (expected.authorization !== authorization) {
    return {
      exception: "InvalidSignatureException",
      message: "The request signature we calculated does not match the signature you provided.",
    };
  }
  return undefined;
}

/** What Bedrock's InvokeModel checks for Claude before generating. */
function validateInvokeBody(body: Record<string, unknown>): string | undefined {
  if (body.anthropic_version !== "bedrock-2023-05-31") return "anthropic_version: bedrock-2023-05-31 is required";
  if ("model" in body) return "extraneous key [model] is not permitted";
  if ("stream" in body) return "extraneous key [stream] is not permitted";
  if (!Array.isArray(body.messages)) return "messages: field required";
  if (typeof body.max_tokens !== "number") return "max_tokens: field required";
  return undefined;
}

async function serve(response: ServerResponse, invocation: BedrockInvocation, scenario: FakeScenario) {
  switch (scenario.type) {
    case "hang":
      return;
    case "destroy":
      response.socket?.destroy();
      return;
    case "json":
      return sendJson(response, scenario.status ?? 200, scenario.body);
    case "error": {
      const mapped = exceptionByAnthropicType[scenario.errorType];
      const headers: Record<string, string> = scenario.retryAfter ? { "retry-after": scenario.retryAfter } : {};
      return sendBedrockError(
        response,
        scenario.status,
        mapped?.exception ?? "InternalServerException",
        scenario.message,
        headers,
      );
    }
    case "fixture": {
      const events = fixtureEvents(scenario).map((event) => withModel(event, invocation.modelId));
      if (invocation.operation === "invoke") {
        const result = accumulateAnthropicMessage(events);
        if ("error" in result) {
          const mapped = exceptionByAnthropicType[result.error.type] ?? {
            status: 500,
            exception: "InternalServerException",
          };
          return sendBedrockError(response, mapped.status, mapped.exception, result.error.message);
        }
        return sendJson(response, 200, result.message, { "x-amzn-requestid": "fake-bedrock-request" });
      }
      response.writeHead(200, {
        "content-type": "application/vnd.amazon.eventstream",
        "x-amzn-requestid": "fake-bedrock-request",
      });
      response.flushHeaders();
      for (const [position, event] of events.entries()) {
        if (!(await beforeStreamEvent(response, scenario, position))) return;
        response.write(eventFrame(event));
        if (scenario.delayMs) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
      }
      response.end();
      return;
    }
    case "raw":
    case "partial-json":
    case "huge":
      return serveBrokenAnswer(response, scenario);
    default: {
      const exhaustive: never = scenario;
      throw new Error(`unknown scenario ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** One Anthropic event as Bedrock frames it: a `chunk` event whose payload is `{"bytes": base64(event)}`; errors as exceptions. */
export function eventFrame(event: AnthropicEvent): Uint8Array {
  const stringHeader = (value: string) => ({ type: "string" as const, value });
  if (event.type === "error") {
    const error = event.error as { type: string; message: string };
    const exception = (exceptionByAnthropicType[error.type]?.exception ?? "InternalServerException").replace(
      /^./,
      (first) => first.toLowerCase(),
    );
    return codec.encode({
      headers: {
        ":message-type": stringHeader("exception"),
        ":exception-type": stringHeader(exception),
        ":content-type": stringHeader("application/json"),
      },
      body: fromUtf8(JSON.stringify({ message: error.message })),
    });
  }
  const payload =
    event.type === "message_stop" ? { ...event, "amazon-bedrock-invocationMetrics": { inputTokenCount: 1 } } : event;
  return codec.encode({
    headers: {
      ":message-type": stringHeader("event"),
      ":event-type": stringHeader("chunk"),
      ":content-type": stringHeader("application/json"),
    },
    body: fromUtf8(JSON.stringify({ bytes: Buffer.from(JSON.stringify(payload)).toString("base64"), p: "abcdefgh" })),
  });
}

function withModel(event: AnthropicEvent, model: string): AnthropicEvent {
  if (event.type !== "message_start") return event;
  return { ...event, message: { ...(event.message as Record<string, unknown>), model } };
}

function sendBedrockError(
  response: ServerResponse,
  status: number,
  exception: string,
  message: string,
  headers: Record<string, string> = {},
) {
  sendJson(
    response,
    status,
    { message },
    { "x-amzn-errortype": `${exception}:http://internal.amazon.com/coral/com.amazon.bedrock/`, ...headers },
  );
}
