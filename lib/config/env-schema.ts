import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "./config-error";

/** Empty strings count as unset, as in t3's env handling. */
const optionalString = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

/** A number setting: empty or unset is `fallback`, then `schema` coerces and checks it. */
const numberOr = <T extends z.ZodType>(fallback: number, schema: T) =>
  z.preprocess((value) => (value === "" || value === undefined ? String(fallback) : value), schema);

/** A whole number of milliseconds, `fallback` when unset. */
function milliseconds(name: string, fallback: number, max: number) {
  return numberOr(
    fallback,
    z.coerce
      .number({ message: `${name} must be a number of milliseconds` })
      .int(`${name} must be a whole number of milliseconds`)
      .min(1, `${name} must be more than 0`)
      .max(max, `${name} must be at most ${max}`),
  );
}

/** A number of megabytes (fractions allowed), `fallback` when unset. */
function megabytes(name: string, fallback: number, max: number) {
  return numberOr(
    fallback,
    z.coerce
      .number({ message: `${name} must be a number of megabytes` })
      .positive(`${name} must be more than 0`)
      .max(max, `${name} must be at most ${max}`),
  );
}

const HOUR_MS = 3_600_000;

export const envSchema = z.object({
  PORT: numberOr(
    3000,
    z.coerce
      .number({ message: "PORT must be a number" })
      .int("PORT must be a whole number")
      .min(1, "PORT must be between 1 and 65535")
      .max(65535, "PORT must be between 1 and 65535"),
  ),
  HOST: optionalString.pipe(z.string().default("127.0.0.1")),
  DATA_DIR: optionalString.pipe(z.string().default("./data")),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .refine((value) => /^postgres(ql)?:\/\//.test(value), {
        message:
          "DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)",
      })
      .refine((value) => URL.canParse(value), { message: "DATABASE_URL is not a valid URL" })
      .optional(),
  ),
  APP_SECRET: optionalString.pipe(
    z.string().min(32, "APP_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  ),
  GATEWAY_MAX_BODY_MB: megabytes("GATEWAY_MAX_BODY_MB", 32, 1024),
  /** `off` stops writing the request log (limits still count); for benchmarks and emergencies. */
  REQUEST_LOG: optionalString.pipe(z.enum(["on", "off"], { message: "REQUEST_LOG must be on or off" }).default("on")),
  /** The playground's gateway: this app's own /v3/router unless both are set (e.g. Orq's router). */
  GATEWAY_BASE_URL: optionalString.pipe(
    z
      .string()
      .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
        message:
          "GATEWAY_BASE_URL must be an http(s) URL of an OpenAI-compatible API, e.g. https://my.gateway/v3/router",
      })
      .optional(),
  ),
  GATEWAY_API_KEY: optionalString,
  /** PostgreSQL: opening a connection, or waiting for a free one in the pool. */
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds("DATABASE_CONNECT_TIMEOUT_MS", 3_000, 60_000),
  /** PostgreSQL: one statement; past it the request answers 503 instead of waiting. */
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds("DATABASE_STATEMENT_TIMEOUT_MS", 3_000, 600_000),
  /** A provider's response headers (a stream's first event) must arrive within this. */
  UPSTREAM_HEADERS_TIMEOUT_MS: milliseconds("UPSTREAM_HEADERS_TIMEOUT_MS", 120_000, HOUR_MS),
  /** A non-streaming provider answer is whole when its headers arrive: allow the long generations SDKs allow. */
  UPSTREAM_NON_STREAMING_TIMEOUT_MS: milliseconds("UPSTREAM_NON_STREAMING_TIMEOUT_MS", 600_000, HOUR_MS),
  /** A provider body (stream or not) that sends no bytes for this long is given up. */
  UPSTREAM_IDLE_TIMEOUT_MS: milliseconds("UPSTREAM_IDLE_TIMEOUT_MS", 60_000, HOUR_MS),
  UPSTREAM_MAX_RESPONSE_MB: megabytes("UPSTREAM_MAX_RESPONSE_MB", 64, 4096),
  /** Incoming connections: all request headers within this. */
  CLIENT_HEADERS_TIMEOUT_MS: milliseconds("CLIENT_HEADERS_TIMEOUT_MS", 30_000, HOUR_MS),
  /** Incoming connections: the whole request (headers and body) within this; responses may stream longer. */
  CLIENT_REQUEST_TIMEOUT_MS: milliseconds("CLIENT_REQUEST_TIMEOUT_MS", 60_000, HOUR_MS),
  /** Comma-separated host names (optionally host:port) this server answers for; `*` turns the check off. */
  ALLOWED_HOSTS: optionalString,
  /** First-run setup token to use instead of a generated one (tests, scripted installs). */
  SETUP_TOKEN: optionalString.pipe(
    z.string().min(16, "SETUP_TOKEN must be at least 16 characters").max(200, "SETUP_TOKEN is too long").optional(),
  ),
  /** Sign-in throttling: how long failures are remembered, and the longest lockout. */
  SIGN_IN_THROTTLE_WINDOW_SECONDS: numberOr(
    900,
    z.coerce
      .number({ message: "SIGN_IN_THROTTLE_WINDOW_SECONDS must be a number of seconds" })
      .int("SIGN_IN_THROTTLE_WINDOW_SECONDS must be a whole number")
      .min(1, "SIGN_IN_THROTTLE_WINDOW_SECONDS must be at least 1")
      .max(86_400, "SIGN_IN_THROTTLE_WINDOW_SECONDS must be at most 86400 (a day)"),
  ),
});

export type DatabaseConfig =
  | { provider: "sqlite"; url: string; file: string }
  | {
      provider: "postgresql";
      url: string;
      /** Opening a connection or waiting for a pooled one (DATABASE_CONNECT_TIMEOUT_MS). */
      connectTimeoutMs?: number;
      /** One statement (DATABASE_STATEMENT_TIMEOUT_MS); the client gives up a second later. */
      statementTimeoutMs?: number;
    };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Undefined only in embedded mode before the secret file is read or created. */
  appSecret: string | undefined;
  /** Largest gateway request body accepted (GATEWAY_MAX_BODY_MB, 1 MB = 1 MiB); larger ones get a 413. */
  maxBodyBytes: number;
  /** Whether gateway requests are written to the request log. */
  requestLog: boolean;
  /** The OpenAI-compatible gateway the playground calls instead of this app's own router. */
  externalGateway: { baseUrl: string; apiKey: string } | undefined;
  /** Host names requests may be addressed to (lowercase, no port); undefined = any (`ALLOWED_HOSTS=*`). */
  allowedHosts: string[] | undefined;
  /** SETUP_TOKEN: the first-run token to accept instead of a generated one. */
  setupToken: string | undefined;
  signInThrottleWindowSeconds: number;
  upstream: UpstreamLimits;
  /** For the production server's incoming connections (slow clients are cut off). */
  client: { headersTimeoutMs: number; requestTimeoutMs: number };
};

/** Bounds on provider calls. */
export type UpstreamLimits = {
  /** Streaming calls: time until response headers (the first event). */
  headersTimeoutMs: number;
  /** Non-streaming calls: time until the response headers, which come with the whole answer. */
  nonStreamingTimeoutMs: number;
  /** No bytes from the provider's body for this long: the connection is closed. */
  idleTimeoutMs: number;
  /** Largest non-streamed provider body read (1 MB = 1 MiB); larger ones are a 502. */
  maxResponseBytes: number;
};

export const SQLITE_FILE_NAME = "switchyard.db";

/** Pure: validates the environment and derives the configuration. Throws ConfigError with one line per problem. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "config");
      return issue.message.startsWith(key) ? issue.message : `${key}: ${issue.message}`;
    });
    throw new ConfigError(lines.join("\n"));
  }
  const raw = result.data;
  const dataDir = path.resolve(cwd, raw.DATA_DIR);
  if (raw.DATABASE_URL && !raw.APP_SECRET) {
    throw new ConfigError(
      "APP_SECRET is required when DATABASE_URL is set: every instance sharing the database must use the same secret",
    );
  }
  if (Boolean(raw.GATEWAY_BASE_URL) !== Boolean(raw.GATEWAY_API_KEY)) {
    throw new ConfigError(
      "GATEWAY_BASE_URL and GATEWAY_API_KEY go together: set both (an external gateway) or neither",
    );
  }
  const externalGateway =
    raw.GATEWAY_BASE_URL && raw.GATEWAY_API_KEY
      ? { baseUrl: raw.GATEWAY_BASE_URL.replace(/\/+$/, ""), apiKey: raw.GATEWAY_API_KEY }
      : undefined;
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const database: DatabaseConfig = raw.DATABASE_URL
    ? { provider: "postgresql", url: raw.DATABASE_URL }
    : { provider: "sqlite", url: `file:${file}`, file };
  if (database.provider === "postgresql") {
    database.connectTimeoutMs = raw.DATABASE_CONNECT_TIMEOUT_MS;
    database.statementTimeoutMs = raw.DATABASE_STATEMENT_TIMEOUT_MS;
  }
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir,
    database,
    appSecret: raw.APP_SECRET,
    maxBodyBytes: Math.floor(raw.GATEWAY_MAX_BODY_MB * 1024 * 1024),
    requestLog: raw.REQUEST_LOG === "on",
    externalGateway,
    upstream: {
      headersTimeoutMs: raw.UPSTREAM_HEADERS_TIMEOUT_MS,
      nonStreamingTimeoutMs: raw.UPSTREAM_NON_STREAMING_TIMEOUT_MS,
      idleTimeoutMs: raw.UPSTREAM_IDLE_TIMEOUT_MS,
      maxResponseBytes: Math.floor(raw.UPSTREAM_MAX_RESPONSE_MB * 1024 * 1024),
    },
    client: { headersTimeoutMs: raw.CLIENT_HEADERS_TIMEOUT_MS, requestTimeoutMs: raw.CLIENT_REQUEST_TIMEOUT_MS },
    allowedHosts: allowedHosts(raw.ALLOWED_HOSTS, raw.HOST),
    setupToken: raw.SETUP_TOKEN,
    signInThrottleWindowSeconds: raw.SIGN_IN_THROTTLE_WINDOW_SECONDS,
  };
}

/**
 * ALLOWED_HOSTS, or by default the listening address, localhost and 127.0.0.1 (and ::1). A
 * wildcard listening address (0.0.0.0, ::) names no host, so the machine's own names and
 * addresses stand in for it: those are what a browser on the network would use.
 */
function allowedHosts(setting: string | undefined, listenHost: string): string[] | undefined {
  if (setting?.trim() === "*") return undefined;
  const named = setting
    ? setting.split(",")
    : [listenHost, "localhost", "127.0.0.1", "::1", ...(isWildcard(listenHost) ? machineNames() : [])];
  return [...new Set(named.map(hostnameOf).filter((host) => host !== "" && !isWildcard(host)))];
}

const isWildcard = (host: string) => host === "0.0.0.0" || host === "::" || host === "[::]";

function machineNames(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
  return [os.hostname(), ...addresses];
}

/** `Example.com:3000` → `example.com`, `[::1]:3000` → `::1`; what the Host check compares. */
export function hostnameOf(host: string): string {
  const trimmed = host.trim().toLowerCase().replace(/\.$/, "");
  if (trimmed.startsWith("[")) return trimmed.slice(1, trimmed.indexOf("]") === -1 ? undefined : trimmed.indexOf("]"));
  // An IPv6 address without brackets has several colons and no port.
  if (trimmed.indexOf(":") !== trimmed.lastIndexOf(":")) return trimmed;
  return trimmed.split(":")[0]!;
}
