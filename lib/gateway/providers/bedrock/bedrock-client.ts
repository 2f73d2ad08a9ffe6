import { z } from "zod";
import { GatewayError } from "../../core/gateway-error";
import { postToProvider } from "../post-to-provider";
import { PROVIDER_DISPLAY_NAMES, type BedrockCredential, type PartnerPlatformCall } from "../provider-credential";
import { bedrockEventStreamToAnthropicSse } from "./bedrock-event-stream";
import { bedrockCountTokensRequest, bedrockInvokeRequest, bedrockSigningService } from "./bedrock-request";
import { signAwsRequest } from "./sign-aws-request";

type BedrockCall = PartnerPlatformCall<BedrockCredential>;

/**
 * Claude on Amazon Bedrock (InvokeModel / InvokeModelWithResponseStream), SigV4-signed. The
 * answer reads like Anthropic's: the message JSON, or Anthropic SSE converted from Bedrock's
 * binary event stream.
 */
export async function sendBedrockMessages(call: BedrockCall): Promise<Response> {
  const request = bedrockInvokeRequest(call.credential, call.modelId, call.body, {
    stream: call.stream,
    betas: call.betas,
  });
  const response = await postSigned(
    call,
    request,
    call.stream ? "application/vnd.amazon.eventstream" : "application/json",
  );
  if (!call.stream) return response;
  if (!response.body) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "Amazon Bedrock returned an empty stream.",
      retryable: true,
    });
  }
  return new Response(bedrockEventStreamToAnthropicSse(response.body), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      ...requestIdHeader(response),
    },
  });
}

const countTokensResponseSchema = z.looseObject({ inputTokens: z.number().int().nonnegative() });

/** Bedrock CountTokens, answered in Anthropic's `{input_tokens}` shape. */
export async function sendBedrockCountTokens(call: Omit<BedrockCall, "stream" | "betas">): Promise<Response> {
  const request = bedrockCountTokensRequest(call.credential, call.modelId, call.body);
  const response = await postSigned(call, request, "application/json");
  const parsed = countTokensResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "Amazon Bedrock's CountTokens answer has no inputTokens.",
    });
  }
  return Response.json({ input_tokens: parsed.data.inputTokens }, { headers: requestIdHeader(response) });
}

async function postSigned(call: Omit<BedrockCall, "stream">, request: { url: URL; body: string }, accept: string) {
  const { host: _host, ...headers } = await signAwsRequest({
    method: "POST",
    url: request.url,
    headers: { "content-type": "application/json", accept },
    body: request.body,
    credentials: call.credential,
    region: call.credential.region,
    service: bedrockSigningService,
  });
  return postToProvider({
    url: request.url.toString(),
    // fetch sets Host from the URL, identical to the signed one.
    headers,
    body: request.body,
    signal: call.signal,
    timeoutMs: call.timeoutMs,
    stream: accept !== "application/json",
    context: { credentialName: call.credential.name, providerLabel: PROVIDER_DISPLAY_NAMES.aws },
    fetch: call.fetch,
  });
}

function requestIdHeader(response: Response): Record<string, string> {
  const requestId = response.headers.get("x-amzn-requestid");
  return requestId ? { "request-id": requestId } : {};
}
