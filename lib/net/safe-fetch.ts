import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { AppError } from "@/lib/errors/app-error";
import { classifyAddress, isIpLiteral } from "./address-policy";

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Name → addresses. The default asks the system resolver once per hop. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type SafeFetchReason =
  | "unsupported_url"
  | "blocked_address"
  | "unresolvable_host"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "http_status"
  | "connection_failed";

/** A media URL the gateway would not, or could not, fetch. A 400: the URL came from the client. */
export class SafeFetchError extends AppError {
  override name = "SafeFetchError";
  constructor(
    readonly reason: SafeFetchReason,
    message: string,
  ) {
    super("invalid_input", message);
  }
}

export type SafeFetchOptions = {
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  /** Whole fetch, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  resolve?: HostResolver;
  /**
   * Test seam: the address actually dialled for a checked one (identity by default). Lets a
   * test serve "a public address" from a local server; the check itself is never bypassed.
   */
  dialAddress?: (checked: ResolvedAddress) => ResolvedAddress;
  headers?: Record<string, string>;
};

export type SafeFetchResult = { url: string; contentType: string | null; body: Buffer };

export const safeFetchDefaults = { maxBytes: 20 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 3 } as const;

const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * GET a user-supplied URL without letting it reach this machine or its network (SSRF):
 * http/https only; every hop's host resolved once and refused unless every address is public
 * unicast ({@link classifyAddress}); the connection pinned to the checked address (no second
 * lookup to rebind); at most `maxRedirects` redirects, each re-checked; size and time limits.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const maxBytes = options.maxBytes ?? safeFetchDefaults.maxBytes;
  const maxRedirects = options.maxRedirects ?? safeFetchDefaults.maxRedirects;
  const timeoutMs = options.timeoutMs ?? safeFetchDefaults.timeoutMs;
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)])
    : AbortSignal.timeout(timeoutMs);

  let current = parseHttpUrl(url);
  for (let redirects = 0; ; redirects += 1) {
    const target = await checkedTarget(current, options.resolve ?? systemResolver);
    const response = await request(current, target, options, signal, timeoutMs);
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.destroy();
      if (redirects >= maxRedirects) {
        throw new SafeFetchError("too_many_redirects", `${url} redirected more than ${maxRedirects} times.`);
      }
      current = parseHttpUrl(new URL(location, current).toString());
      continue;
    }
    if (!response.statusCode || response.statusCode < 200 || response.statusCode >= 300) {
      response.destroy();
      throw new SafeFetchError("http_status", `${current.toString()} answered HTTP ${response.statusCode}.`);
    }
    const body = await readLimited(response, maxBytes, current, signal, timeoutMs);
    return { url: current.toString(), contentType: response.headers["content-type"] ?? null, body };
  }
}

function parseHttpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SafeFetchError("unsupported_url", `"${value.slice(0, 200)}" is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SafeFetchError("unsupported_url", `Only http and https URLs can be fetched, not ${url.protocol}.`);
  }
  if (url.username || url.password) {
    throw new SafeFetchError("unsupported_url", "URLs with credentials in them are not fetched.");
  }
  return url;
}

/** The address to connect to: every address the host has must be public, else the URL is refused. */
async function checkedTarget(url: URL, resolve: HostResolver): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIpLiteral(hostname)) {
    addresses = [{ address: hostname, family: hostname.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new SafeFetchError("unresolvable_host", `${url.host} does not resolve.`);
  }
  for (const { address } of addresses) {
    const range = classifyAddress(address);
    if (range !== "unicast") {
      throw new SafeFetchError(
        "blocked_address",
        `${url.host} resolves to ${address} (${range}): the gateway only fetches from public addresses.`,
      );
    }
  }
  return addresses[0]!;
}

function request(
  url: URL,
  checked: ResolvedAddress,
  options: SafeFetchOptions,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<IncomingMessage> {
  const dialled = options.dialAddress?.(checked) ?? checked;
  // Node may ask for one address or (autoSelectFamily) for all of them: answer with the checked one only.
  const pinnedLookup = ((
    _hostname: string,
    lookupOptions: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    if (lookupOptions?.all) callback(null, [dialled]);
    else callback(null, dialled.address, dialled.family);
  }) as unknown as LookupFunction;
  const isLiteral = isIpLiteral(url.hostname.replace(/^\[|\]$/g, ""));
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolvePromise, reject) => {
    const outgoing = transport.request(
      url,
      {
        method: "GET",
        // A literal is connected to as is (Node skips lookup for it); only the test seam remaps it.
        ...(isLiteral && dialled !== checked ? { host: dialled.address } : {}),
        lookup: pinnedLookup,
        agent: false,
        signal,
        headers: { "user-agent": "Switchyard media fetcher", accept: "*/*", ...options.headers },
      },
      resolvePromise,
    );
    outgoing.on("error", (error) => reject(toFetchError(error, url, signal, timeoutMs)));
    outgoing.end();
  });
}

async function readLimited(
  response: IncomingMessage,
  maxBytes: number,
  url: URL,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(url, maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        throw tooLarge(url, maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw toFetchError(error, url, signal, timeoutMs);
  }
  return Buffer.concat(chunks);
}

function tooLarge(url: URL, maxBytes: number) {
  return new SafeFetchError(
    "too_large",
    `${url.toString()} is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
  );
}

function toFetchError(error: unknown, url: URL, signal: AbortSignal, timeoutMs: number): unknown {
  if (error instanceof SafeFetchError) return error;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof DOMException && reason.name === "TimeoutError") {
      return new SafeFetchError(
        "timeout",
        `${url.toString()} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
      );
    }
    return reason ?? error;
  }
  return new SafeFetchError("connection_failed", `Could not fetch ${url.toString()}.`);
}
