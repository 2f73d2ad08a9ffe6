import { createHash, createSign } from "node:crypto";
import { z } from "zod";
import { GatewayError } from "../../core/gateway-error";
import { postToProvider } from "../post-to-provider";
import type { ServiceAccount } from "./service-account";

/** Google's OAuth 2.0 token endpoint. The key file's `token_uri` is not trusted for this. */
export const defaultGoogleTokenUrl = "https://oauth2.googleapis.com/token";
export const cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

/** Tokens are refreshed this long before they expire, so none expires mid-request. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const ASSERTION_LIFETIME_S = 3600;

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().optional(),
});

type CachedToken = { accessToken: string; expiresAt: number };
const tokens = new Map<string, CachedToken>();
const pending = new Map<string, Promise<CachedToken>>();

export function forgetGoogleAccessTokens() {
  tokens.clear();
  pending.clear();
}

export type AccessTokenRequest = {
  serviceAccount: ServiceAccount;
  tokenUrl?: string | null;
  credentialName?: string;
  signal?: AbortSignal;
  now?: () => number;
  fetch?: typeof fetch;
};

/**
 * An OAuth2 access token for the service account (JWT bearer grant, RFC 7523), cached until
 * shortly before it expires. Concurrent callers share one mint.
 * @see https://developers.google.com/identity/protocols/oauth2/service-account#httprest
 */
export async function googleAccessToken(request: AccessTokenRequest): Promise<string> {
  const now = request.now ?? Date.now;
  const tokenUrl = request.tokenUrl || defaultGoogleTokenUrl;
  const key = cacheKey(request.serviceAccount, tokenUrl);
  const cached = tokens.get(key);
  if (cached && cached.expiresAt - REFRESH_MARGIN_MS > now()) return cached.accessToken;

  let minting = pending.get(key);
  if (!minting) {
    minting = mintAccessToken(request, tokenUrl, now).finally(() => pending.delete(key));
    pending.set(key, minting);
  }
  const minted = await minting;
  tokens.set(key, minted);
  return minted.accessToken;
}

async function mintAccessToken(request: AccessTokenRequest, tokenUrl: string, now: () => number): Promise<CachedToken> {
  const issuedAt = Math.floor(now() / 1000);
  const assertion = signServiceAccountJwt(request.serviceAccount, {
    iss: request.serviceAccount.client_email,
    scope: cloudPlatformScope,
    aud: tokenUrl,
    iat: issuedAt,
    exp: issuedAt + ASSERTION_LIFETIME_S,
  });
  const context = { credentialName: request.credentialName, providerLabel: "Google OAuth (Vertex AI)" };
  const response = await postToProvider({
    url: tokenUrl,
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }).toString(),
    signal: request.signal,
    timeoutMs: 30_000,
    context,
    fetch: request.fetch,
  }).catch((error: unknown) => {
    // Google answers a bad key with 400 invalid_grant: that is an authentication failure too.
    if (error instanceof GatewayError && error.status === 400) throw authenticationFailed(request.credentialName);
    throw error;
  });
  const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw authenticationFailed(request.credentialName);
  return { accessToken: parsed.data.access_token, expiresAt: now() + parsed.data.expires_in * 1000 };
}

/** An RS256-signed JWT (RFC 7519) with the key file's private key. */
export function signServiceAccountJwt(serviceAccount: ServiceAccount, claims: Record<string, unknown>): string {
  const header = {
    alg: "RS256",
    typ: "JWT",
    ...(serviceAccount.private_key_id ? { kid: serviceAccount.private_key_id } : {}),
  };
  const signingInput = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
  let signature: string;
  try {
    signature = createSign("RSA-SHA256").update(signingInput).sign(serviceAccount.private_key, "base64url");
  } catch (error) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "provider_authentication_failed",
      message:
        "The Google service account's private key could not sign a token. Check the key file in the BYOK settings.",
      retryable: true,
      cause: error,
    });
  }
  return `${signingInput}.${signature}`;
}

function base64Url(text: string) {
  return Buffer.from(text).toString("base64url");
}

function cacheKey(serviceAccount: ServiceAccount, tokenUrl: string) {
  const keyId = serviceAccount.private_key_id ?? createHash("sha256").update(serviceAccount.private_key).digest("hex");
  return `${tokenUrl}\n${serviceAccount.client_email}\n${keyId}`;
}

function authenticationFailed(credentialName: string | undefined) {
  const credential = credentialName ? `credential "${credentialName}"` : "credential";
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "provider_authentication_failed",
    message: `Google rejected the service account of ${credential} when minting an access token. Check the key file in the BYOK settings.`,
    anthropicType: "api_error",
    retryable: true,
  });
}
