import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidRequestError } from "../core/gateway-error";
import { prepareBodyForPartnerPlatform, type MediaFetchOptions } from "./partner-platform-body";

/** A media server on 127.0.0.1 that answers slowly and counts how many requests it holds at once. */
let media: Server;
let port: number;
let inFlight = 0;
let mostInFlight = 0;
let served = 0;
const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(100_000)]);

beforeAll(async () => {
  media = createServer((_request, response) => {
    inFlight += 1;
    served += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      response.writeHead(200, { "content-type": "image/png" }).end(png);
    }, 50);
  });
  await new Promise<void>((resolve) => media.listen(0, "127.0.0.1", resolve));
  port = (media.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => media.close(() => resolve())));
beforeEach(() => {
  mostInFlight = 0;
  served = 0;
});

/** `cdn.media.test` counts as public and is dialled on the local media server. */
const seam: MediaFetchOptions = {
  resolve: async () => [{ address: "93.184.215.14", family: 4 }],
  dialAddress: () => ({ address: "127.0.0.1", family: 4 }),
};

function bodyWithImages(count: number, inToolResult = false) {
  const images = Array.from({ length: count }, (_, index) => ({
    type: "image",
    source: { type: "url", url: `http://cdn.media.test:${port}/image-${index}.png` },
  }));
  const content = inToolResult ? [{ type: "tool_result", tool_use_id: "toolu_1", content: images }] : images;
  return { model: "claude-sonnet-4-6", max_tokens: 16, messages: [{ role: "user", content }] };
}

const prepare = (body: Record<string, unknown>, media: MediaFetchOptions = {}) =>
  prepareBodyForPartnerPlatform(body, { providerLabel: "Amazon Bedrock", media: { ...seam, ...media } });

describe("media URLs the gateway fetches for Bedrock and Vertex", () => {
  it("fetches up to the per-request limit, a few at a time", async () => {
    const prepared = (await prepare(bodyWithImages(20))) as {
      messages: Array<{ content: Array<{ source: unknown }> }>;
    };
    expect(served).toBe(20);
    expect(mostInFlight).toBeLessThanOrEqual(4);
    expect(prepared.messages[0]!.content[19]!.source).toMatchObject({ type: "base64", media_type: "image/png" });
  });

  it.each([
    ["in the messages", false],
    ["in tool results", true],
  ])("refuses more than 20 URLs %s with a 400, before fetching any", async (_where, inToolResult) => {
    const refusal = prepare(bodyWithImages(21, inToolResult));
    await expect(refusal).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(refusal).rejects.toMatchObject({ status: 400, code: "too_many_media_urls" });
    expect(served).toBe(0);
  });

  it("refuses a request whose media add up to more than its byte budget with a 400", async () => {
    const refusal = prepare(bodyWithImages(5), { maxTotalBytes: 3 * png.byteLength });
    await expect(refusal).rejects.toMatchObject({ status: 400, code: "media_too_large" });
  });
});
