import "server-only";
import OpenAI from "openai";
import type { Db } from "@/lib/db";
import { getConfig } from "@/lib/env";
import type { GatewayChatRequest } from "./build-chat-request";
import { playgroundGatewayKey } from "./playground-gateway-key";

/**
 * Where the playground's requests go: this app's own /v3/router over loopback HTTP (so the
 * playground shows exactly what API clients get, through the same auth, routing and logs), or
 * an external OpenAI-compatible gateway when GATEWAY_BASE_URL + GATEWAY_API_KEY are set.
 */
export async function playgroundGateway(db: Db, userId: string): Promise<{ client: OpenAI; external: boolean }> {
  const config = getConfig();
  if (config.externalGateway) {
    return {
      client: new OpenAI({
        baseURL: config.externalGateway.baseUrl,
        apiKey: config.externalGateway.apiKey,
        maxRetries: 0,
      }),
      external: true,
    };
  }
  // A wildcard listen address is reached on loopback.
  const host = ["0.0.0.0", "::", "[::]", ""].includes(config.host) ? "127.0.0.1" : config.host;
  const origin = `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${config.port}`;
  const apiKey = await playgroundGatewayKey(db, userId);
  return { client: new OpenAI({ baseURL: `${origin}/v3/router`, apiKey, maxRetries: 0 }), external: false };
}

/**
 * Starts a streamed Chat Completion. The body carries the gateway's extensions, which the
 * SDK passes through untouched; the signal aborts the HTTP request (and so the upstream call).
 */
export async function streamGatewayChat(client: OpenAI, body: GatewayChatRequest, signal: AbortSignal) {
  const params = body as unknown as OpenAI.Chat.ChatCompletionCreateParamsStreaming;
  return client.chat.completions.create(params, { signal });
}
