import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signAwsRequest } from "./sign-aws-request";

type SuiteCase = { name: string; req: string; authz: string };
const suite = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "__fixtures__/aws-sig-v4-test-suite.json"), "utf8"),
) as {
  config: {
    service: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    signingDate: string;
    stsToken: string;
  };
  cases: SuiteCase[];
};

/** A suite `.req` file: request line, headers, blank line, body. */
function parseRawRequest(raw: string) {
  const [head, body = ""] = raw.split("\n\n");
  const [requestLine, ...headerLines] = head!.split("\n");
  const [method, target] = requestLine!.split(" ");
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const url = new URL(target!, `https://${headers.host}`);
  delete headers.host;
  return { method: method!, url, headers, body };
}

describe("signAwsRequest against AWS's Signature Version 4 test suite", () => {
  it.each(suite.cases)("$name", async ({ req, authz }) => {
    const { method, url, headers, body } = parseRawRequest(req);
    const sessionToken = headers["x-amz-security-token"];
    delete headers["x-amz-security-token"];
    const signed = await signAwsRequest({
      method,
      url,
      headers,
      body,
      credentials: {
        accessKeyId: suite.config.accessKeyId,
        secretAccessKey: suite.config.secretAccessKey,
        sessionToken,
      },
      region: suite.config.region,
      service: suite.config.service,
      signingDate: new Date(suite.config.signingDate),
    });
    expect(signed.authorization).toBe(authz);
    expect(signed["x-amz-date"]).toBe("20150830T123600Z");
    if (sessionToken) expect(signed["x-amz-security-token"]).toBe(suite.config.stsToken);
  });

  it("a different secret gives a different signature", async () => {
    const { method, url, headers, body } = parseRawRequest(suite.cases[0]!.req);
    const signed = await signAwsRequest({
      method,
      url,
      headers,
      body,
      credentials: { accessKeyId: suite.config.accessKeyId, secretAccessKey: "not-the-example-key" },
      region: suite.config.region,
      service: suite.config.service,
      signingDate: new Date(suite.config.signingDate),
    });
    expect(signed.authorization).not.toBe(suite.cases[0]!.authz);
  });
});
