import type { ServerResponse } from "node:http";
import { createVerify, generateKeyPairSync } from "node:crypto";
import { accumulateAnthropicMessage } from "./accumulate-anthropic-message";
import { toAnthropicSseEvent, type AnthropicEvent } from "./anthropic-fixtures";
import { fixtureEvents, serveBrokenAnswer, type FakeScenario, type RecordedRequest } from "./fake-anthropic-server";
import { beforeStreamEvent, sendJson, startFakeProviderServer, type FakeProviderServer } from "./fake-provider-harness";

export type FakeVertexOptions = {
  /** The service account whose JWTs the token endpoint accepts ({@link createTestServiceAccount}). */
  serviceAccount: TestServiceAccount;
  projectId: string;
  region: string;
  defaultScenario?: FakeScenario;
};

export type TestServiceAccount = {
  /** The key file an admin pastes into BYOK. */
  json: string;
  clientEmail: string;
  publicKeyPem: string;
};

export type FakeVertexServer = FakeProviderServer & {
  /** `<url>/token`: set as the credential's token URL override. */
  tokenUrl: string;
  /** Access tokens minted so far. */
  mintedTokens: string[];
  predictionOf(request: RecordedRequest): VertexPrediction | undefined;
};

export type VertexPrediction = {
  model: string;
  method: "rawPredict" | "streamRawPredict";
  body: Record<string, unknown>;
};

/** A fresh RSA key pair dressed as a Google service-account key file. */
export function createTestServiceAccount(projectId: string): TestServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const clientEmail = `switchyard-tests@${projectId}.iam.gserviceaccount.com`;
  const json = JSON.stringify({
    type: "service_account",
    project_id: projectId,
    private_key_id: "0123456789abcdef0123456789abcdef01234567",
    private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    client_email: clientEmail,
    client_id: "100000000000000000001",
    token_uri: "https://oauth2.googleapis.com/token",
  });
  return { json, clientEmail, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const googleStatus: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
};

/**
 * A local Vertex AI for Claude plus Google's OAuth token endpoint. The token endpoint verifies
 * the RS256 JWT bearer assertion against the service account's public key and mints access
 * tokens; `:rawPredict` / `:streamRawPredict` require one of them (401 in Google's shape
 * otherwise), check the body Vertex requires, and answer from the same recorded Anthropic
 * transcripts as the Anthropic fake (Anthropic SSE or the message JSON).
 */
export async function startFakeVertexServer(options: FakeVertexOptions): Promise<FakeVertexServer> {
  const mintedTokens: string[] = [];
  let url = "";
  const predictPath = new RegExp(
    `^/v1/projects/${options.projectId}/locations/${options.region}/publishers/anthropic/models/([^/:]+):(rawPredict|streamRawPredict)$`,
  );

  function predictionOf(request: RecordedRequest): VertexPrediction | undefined {
    const match = predictPath.exec(request.path);
    if (!match) return undefined;
    return {
      model: decodeURIComponent(match[1]!),
      method: match[2] as VertexPrediction["method"],
      body: (request.body ?? {}) as Record<string, unknown>,
    };
  }

  const server = await startFakeProviderServer({
    defaultScenario: options.defaultScenario,
    async route(request, response, chooseScenario) {
      if (request.method === "POST" && request.path === "/token") return serveToken(request, response);
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      if (!bearer || !mintedTokens.includes(bearer)) {
        return sendGoogleError(
          response,
          401,
          "Request had invalid authentication credentials. Expected OAuth 2 access token.",
        );
      }
      const prediction = predictionOf(request);
      if (request.method !== "POST" || !prediction) {
        return sendGoogleError(response, 404, `Publisher model not found for ${request.path}.`);
      }
      if (prediction.model === "count-tokens") {
        return sendJson(response, 200, { input_tokens: Math.max(1, Math.ceil(request.rawBody.length / 4)) });
      }
      const invalid = validateBody(prediction);
      if (invalid)
        return sendJson(response, 400, { type: "error", error: { type: "invalid_request_error", message: invalid } });
      return serve(response, prediction, chooseScenario(request));
    },
  });

  function serveToken(request: RecordedRequest, response: ServerResponse) {
    const form = new URLSearchParams(request.rawBody);
    const problem =
      form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer"
        ? "unsupported grant_type"
        : verifyAssertion(form.get("assertion") ?? "", options.serviceAccount, `${url}/token`);
    if (problem) return sendJson(response, 400, { error: "invalid_grant", error_description: problem });
    const accessToken = `ya29.fake-${mintedTokens.length + 1}-${Math.random().toString(36).slice(2)}`;
    mintedTokens.push(accessToken);
    return sendJson(response, 200, { access_token: accessToken, expires_in: 3599, token_type: "Bearer" });
  }

  url = server.url;
  return Object.assign(server, { tokenUrl: `${server.url}/token`, mintedTokens, predictionOf });
}

/** RS256 signature, issuer, audience, scope and lifetime of a JWT bearer assertion. */
function verifyAssertion(assertion: string, serviceAccount: TestServiceAccount, audience: string): string | undefined {
  const [header, claims, signature] = assertion.split(".");
  if (!header || !claims || !signature) return "assertion is not a JWT";
  const verified = createVerify("RSA-SHA256")
    .update(`${header}.${claims}`)
    .verify(serviceAccount.publicKeyPem, signature, "base64url");
  if (!verified) return "Invalid JWT Signature.";
  const parsedHeader = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg?: string };
  const parsed = JSON.parse(Buffer.from(claims, "base64url").toString()) as Record<string, unknown>;
  const now = Date.now() / 1000;
  if (parsedHeader.alg !== "RS256") return "alg must be RS256";
  if (parsed.iss !== serviceAccount.clientEmail) return "Invalid issuer";
  if (parsed.aud !== audience) return `Invalid JWT audience: expected ${audience}`;
  if (
    typeof parsed.scope !== "string" ||
    !parsed.scope.split(" ").includes("https://www.googleapis.com/auth/cloud-platform")
  ) {
    return "missing cloud-platform scope";
  }
  if (
    typeof parsed.exp !== "number" ||
    typeof parsed.iat !== "number" ||
    parsed.exp <= now ||
    parsed.exp - parsed.iat > 3600
  ) {
    return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.";
  }
  return undefined;
}

/** What Vertex checks for Claude before generating. */
function validateBody({ method, body }: VertexPrediction): string | undefined {
  if (body.anthropic_version !== "vertex-2023-10-16") return "anthropic_version: vertex-2023-10-16 is required";
  if ("model" in body) return "model: Extra inputs are not permitted (the model is in the URL)";
  if (!Array.isArray(body.messages)) return "messages: Field required";
  if (typeof body.max_tokens !== "number") return "max_tokens: Field required";
  if ((method === "streamRawPredict") !== (body.stream === true))
    return `${method} requires stream: ${method === "streamRawPredict"}`;
  return undefined;
}

async function serve(response: ServerResponse, prediction: VertexPrediction, scenario: FakeScenario) {
  switch (scenario.type) {
    case "hang":
      return;
    case "destroy":
      response.socket?.destroy();
      return;
    case "json":
      return sendJson(response, scenario.status ?? 200, scenario.body);
    case "error":
      return sendJson(
        response,
        scenario.status,
        { type: "error", error: { type: scenario.errorType, message: scenario.message } },
        scenario.retryAfter ? { "retry-after": scenario.retryAfter } : {},
      );
    case "fixture": {
      const events = fixtureEvents(scenario).map((event) => withModel(event, prediction.model));
      if (prediction.method === "rawPredict") {
        const result = accumulateAnthropicMessage(events);
        if ("error" in result) {
          return sendJson(response, result.error.type === "overloaded_error" ? 529 : 500, {
            type: "error",
            error: result.error,
          });
        }
        return sendJson(response, 200, result.message);
      }
      response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
      response.flushHeaders();
      for (const [position, event] of events.entries()) {
        if (!(await beforeStreamEvent(response, scenario, position))) return;
        response.write(toAnthropicSseEvent(event));
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

function withModel(event: AnthropicEvent, model: string): AnthropicEvent {
  if (event.type !== "message_start") return event;
  return { ...event, message: { ...(event.message as Record<string, unknown>), model } };
}

function sendGoogleError(response: ServerResponse, status: number, message: string) {
  sendJson(response, status, { error: { code: status, message, status: googleStatus[status] ?? "UNKNOWN" } });
}
