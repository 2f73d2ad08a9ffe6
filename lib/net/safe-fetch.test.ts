import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classifyAddress, isPublicAddress } from "./address-policy";
import { safeFetch, SafeFetchError, type ResolvedAddress, type SafeFetchReason } from "./safe-fetch";

/** A local server that counts every TCP connection made to it. */
type CountingServer = { port: number; connections: number; hosts: string[]; close(): Promise<void> };

async function startCountingServer(
  handler: Parameters<typeof createServer>[1],
): Promise<CountingServer & { server: Server }> {
  const server = createServer((request, response) => {
    state.hosts.push(request.headers.host ?? "");
    handler!(request, response);
  });
  const state = { connections: 0, hosts: [] as string[] };
  server.on("connection", () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

const PUBLIC_ADDRESS: ResolvedAddress = { address: "93.184.215.14", family: 4 };

let media: Awaited<ReturnType<typeof startCountingServer>>;
let internal: Awaited<ReturnType<typeof startCountingServer>>;

beforeAll(async () => {
  media = await startCountingServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://media.test");
    const redirect = url.searchParams.get("to");
    if (redirect) {
      response.writeHead(302, { location: redirect }).end();
      return;
    }
    const hops = Number(url.searchParams.get("hops") ?? 0);
    if (hops > 0) {
      response.writeHead(302, { location: `/chain?hops=${hops - 1}` }).end();
      return;
    }
    if (url.pathname === "/big") {
      response.writeHead(200, { "content-type": "image/png", "content-length": String(30 * 1024 * 1024) }).end();
      return;
    }
    if (url.pathname === "/big-chunked") {
      response.writeHead(200, { "content-type": "image/png" });
      response.end(Buffer.alloc(2048));
      return;
    }
    if (url.pathname === "/hang") return;
    response.writeHead(200, { "content-type": "image/png" }).end(Buffer.from("PNGDATA"));
  });
  internal = await startCountingServer((_request, response) => response.end("secret metadata"));
});

afterAll(async () => {
  await media.close();
  await internal.close();
});

beforeEach(() => {
  media.connections = 0;
  media.hosts.length = 0;
  internal.connections = 0;
});

/** Resolves `media.test` to a public address, dialled on the local media server; other names as given. */
function testResolver(names: Record<string, string[]> = {}) {
  return async (hostname: string): Promise<ResolvedAddress[]> => {
    if (hostname === "media.test") return [PUBLIC_ADDRESS];
    return (names[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

const dialled: ResolvedAddress[] = [];
function dialMediaServer(checked: ResolvedAddress): ResolvedAddress {
  dialled.push(checked);
  return checked.address === PUBLIC_ADDRESS.address ? { address: "127.0.0.1", family: 4 } : checked;
}

async function refusal(url: string, options: Parameters<typeof safeFetch>[1] = {}): Promise<SafeFetchReason> {
  const error = await safeFetch(url, { resolve: testResolver(), dialAddress: dialMediaServer, ...options }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `${url} should have been refused`).toBeInstanceOf(SafeFetchError);
  return (error as SafeFetchError).reason;
}

describe("address policy", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "linkLocal"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["100.100.100.200", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd00:ec2::254", "uniqueLocal"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["2130706433", "loopback"],
    ["0x7f.0.0.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["not an address", "invalid"],
  ])("%s is %s and refused", (address, range) => {
    expect(classifyAddress(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("safeFetch refuses before connecting", () => {
  it.each([
    ["loopback literal", (port: number) => `http://127.0.0.1:${port}/x`],
    ["decimal-encoded loopback", (port: number) => `http://2130706433:${port}/x`],
    ["hex-encoded loopback", (port: number) => `http://0x7f.0.0.1:${port}/x`],
    ["octal-encoded loopback", (port: number) => `http://0177.0.0.1:${port}/x`],
    ["short-form loopback", (port: number) => `http://127.1:${port}/x`],
    ["IPv6 loopback", (port: number) => `http://[::1]:${port}/x`],
    ["IPv4-mapped IPv6 loopback", (port: number) => `http://[::ffff:127.0.0.1]:${port}/x`],
    ["a name resolving to 127.0.0.1", (port: number) => `http://loopback.test:${port}/x`],
    ["a name resolving to ::1", (port: number) => `http://loopback6.test:${port}/x`],
    ["a name with one private among public addresses", (port: number) => `http://mixed.test:${port}/x`],
  ])("%s", async (_name, urlFor) => {
    const resolve = testResolver({
      "loopback.test": ["127.0.0.1"],
      "loopback6.test": ["::1"],
      "mixed.test": ["93.184.215.14", "127.0.0.1"],
    });
    expect(await refusal(urlFor(internal.port), { resolve })).toBe("blocked_address");
    expect(internal.connections).toBe(0);
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://10.0.0.8/",
    "http://192.168.0.1/",
    "http://metadata.test/computeMetadata/v1/",
    "http://private.test/",
  ])("%s (metadata and private networks)", async (url) => {
    const resolve = testResolver({ "metadata.test": ["169.254.169.254"], "private.test": ["10.1.2.3"] });
    const dialledBefore = dialled.length;
    expect(await refusal(url, { resolve })).toBe("blocked_address");
    expect(dialled.length).toBe(dialledBefore);
  });

  it.each([
    "file:///etc/passwd",
    "ftp://media.test/a.png",
    "gopher://media.test/",
    "data:image/png;base64,AAAA",
    "http://user:pw@media.test/",
  ])("%s (not plain http/https)", async (url) => {
    expect(await refusal(url)).toBe("unsupported_url");
    expect(media.connections).toBe(0);
  });

  it("a name that does not resolve", async () => {
    expect(await refusal("http://nowhere.test/")).toBe("unresolvable_host");
  });
});

describe("safeFetch redirects", () => {
  it.each([
    ["to a loopback literal", () => `http://127.0.0.1:${internal.port}/`],
    ["to a decimal-encoded loopback", () => `http://2130706433:${internal.port}/`],
    ["to IPv6 loopback", () => `http://[::1]:${internal.port}/`],
    ["to the metadata address", () => "http://169.254.169.254/latest/meta-data/"],
    ["to a name resolving to 10.x", () => `http://internal.test:${internal.port}/`],
  ])("refuses a redirect %s, without connecting to it", async (_name, target) => {
    const resolve = testResolver({ "internal.test": ["10.0.0.7"] });
    const url = `http://media.test:${media.port}/start?to=${encodeURIComponent(target())}`;
    expect(await refusal(url, { resolve })).toBe("blocked_address");
    expect(media.connections).toBe(1);
    expect(internal.connections).toBe(0);
  });

  it("follows up to 3 redirects, re-checking each hop", async () => {
    dialled.length = 0;
    const result = await safeFetch(`http://media.test:${media.port}/chain?hops=3`, {
      resolve: testResolver(),
      dialAddress: dialMediaServer,
    });
    expect(result.body.toString()).toBe("PNGDATA");
    expect(dialled).toEqual([PUBLIC_ADDRESS, PUBLIC_ADDRESS, PUBLIC_ADDRESS, PUBLIC_ADDRESS]);
  });

  it("refuses a fourth redirect", async () => {
    expect(await refusal(`http://media.test:${media.port}/chain?hops=4`)).toBe("too_many_redirects");
  });
});

describe("safeFetch on the allowed path (injected resolver)", () => {
  it("connects to the checked address only, with the original Host header", async () => {
    dialled.length = 0;
    const result = await safeFetch(`http://media.test:${media.port}/cat.png`, {
      resolve: testResolver(),
      dialAddress: dialMediaServer,
    });
    expect(result).toMatchObject({ contentType: "image/png", url: `http://media.test:${media.port}/cat.png` });
    expect(result.body.toString()).toBe("PNGDATA");
    expect(dialled).toEqual([PUBLIC_ADDRESS]);
    expect(media.hosts).toEqual([`media.test:${media.port}`]);
  });

  it("refuses a body declared larger than the limit", async () => {
    expect(await refusal(`http://media.test:${media.port}/big`)).toBe("too_large");
  });

  it("stops reading a body that grows past the limit", async () => {
    expect(await refusal(`http://media.test:${media.port}/big-chunked`, { maxBytes: 1024 })).toBe("too_large");
  });

  it("gives up on a server that never answers", async () => {
    expect(await refusal(`http://media.test:${media.port}/hang`, { timeoutMs: 300 })).toBe("timeout");
  });
});
