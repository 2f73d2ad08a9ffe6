import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

export type AwsCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS) only; sent and signed as `x-amz-security-token`. */
  sessionToken?: string | null;
};

export type AwsRequestToSign = {
  method: string;
  url: URL;
  /** Headers to sign besides `host` and `x-amz-date` (which the signer sets). */
  headers: Record<string, string>;
  body?: string;
  credentials: AwsCredentials;
  region: string;
  service: string;
  /** Defaults to now; test vectors pin it. */
  signingDate?: Date;
};

/**
 * AWS Signature Version 4 with AWS's own signer (@smithy/signature-v4, the code the AWS SDK v3
 * signs with). Returns the headers to send: the given ones plus host, x-amz-date,
 * authorization and, for temporary credentials, x-amz-security-token.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export async function signAwsRequest(request: AwsRequestToSign): Promise<Record<string, string>> {
  const { credentials } = request;
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    region: request.region,
    service: request.service,
    sha256: Sha256,
    // Bedrock does not need x-amz-content-sha256; the payload hash is signed either way.
    applyChecksum: false,
  });
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of request.url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      port: request.url.port ? Number(request.url.port) : undefined,
      path: request.url.pathname,
      query,
      headers: { ...request.headers, host: request.url.host },
      body: request.body,
    },
    { signingDate: request.signingDate },
  );
  return signed.headers as Record<string, string>;
}
