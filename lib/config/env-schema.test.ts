import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { parseConfig } from "./env-schema";

const SECRET = "x".repeat(32);

describe("parseConfig", () => {
  it("defaults to the embedded SQLite database under ./data on 127.0.0.1:3000", () => {
    const config = parseConfig({}, "/srv/app");
    expect(config).toEqual({
      port: 3000,
      host: "127.0.0.1",
      dataDir: "/srv/app/data",
      database: { provider: "sqlite", url: "file:/srv/app/data/switchyard.db", file: "/srv/app/data/switchyard.db" },
      appSecret: undefined,
      maxBodyBytes: 32 * 1024 * 1024,
      requestLog: true,
      externalGateway: undefined,
      upstream: {
        headersTimeoutMs: 120_000,
        nonStreamingTimeoutMs: 600_000,
        idleTimeoutMs: 60_000,
        maxResponseBytes: 64 * 1024 * 1024,
      },
      client: { headersTimeoutMs: 30_000, requestTimeoutMs: 60_000 },
      allowedHosts: ["127.0.0.1", "localhost", "::1"],
      setupToken: undefined,
      signInThrottleWindowSeconds: 900,
    });
  });

  it("takes database, provider and client timeouts from the environment", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://db/app",
      APP_SECRET: SECRET,
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      DATABASE_STATEMENT_TIMEOUT_MS: "2500",
      UPSTREAM_HEADERS_TIMEOUT_MS: "30000",
      UPSTREAM_NON_STREAMING_TIMEOUT_MS: "90000",
      UPSTREAM_IDLE_TIMEOUT_MS: "1000",
      UPSTREAM_MAX_RESPONSE_MB: "1",
      CLIENT_HEADERS_TIMEOUT_MS: "5000",
      CLIENT_REQUEST_TIMEOUT_MS: "10000",
    });
    expect(config.database).toEqual({
      provider: "postgresql",
      url: "postgres://db/app",
      connectTimeoutMs: 1500,
      statementTimeoutMs: 2500,
    });
    expect(config.upstream).toEqual({
      headersTimeoutMs: 30_000,
      nonStreamingTimeoutMs: 90_000,
      idleTimeoutMs: 1000,
      maxResponseBytes: 1024 * 1024,
    });
    expect(config.client).toEqual({ headersTimeoutMs: 5000, requestTimeoutMs: 10_000 });
  });

  it.each([
    [{}, ["127.0.0.1", "localhost", "::1"]],
    [{ HOST: "10.1.2.3" }, ["10.1.2.3", "localhost", "127.0.0.1", "::1"]],
    [
      { ALLOWED_HOSTS: "App.Example.com, switchyard.internal:8080,[::1]:3000" },
      ["app.example.com", "switchyard.internal", "::1"],
    ],
    [{ ALLOWED_HOSTS: "*" }, undefined],
  ])("allowed hosts for %j: %j", (env, expected) => {
    expect(parseConfig(env).allowedHosts).toEqual(expected);
  });

  it("allows the machine's own names when listening on every interface", () => {
    const hosts = parseConfig({ HOST: "0.0.0.0" }).allowedHosts!;
    expect(hosts).toEqual(expect.arrayContaining(["localhost", "127.0.0.1"]));
    expect(hosts).not.toContain("0.0.0.0");
  });

  it("turns the request log off with REQUEST_LOG=off, and refuses other values", () => {
    expect(parseConfig({ REQUEST_LOG: "off" }).requestLog).toBe(false);
    expect(parseConfig({ REQUEST_LOG: "" }).requestLog).toBe(true);
    expect(() => parseConfig({ REQUEST_LOG: "maybe" })).toThrow(/REQUEST_LOG must be on or off/);
  });

  it.each([
    ["", 32 * 1024 * 1024],
    ["1", 1024 * 1024],
    ["0.5", 512 * 1024],
    ["100", 100 * 1024 * 1024],
  ])("GATEWAY_MAX_BODY_MB=%j limits gateway request bodies to %i bytes", (value, bytes) => {
    expect(parseConfig({ GATEWAY_MAX_BODY_MB: value }).maxBodyBytes).toBe(bytes);
  });

  it("treats empty strings as unset", () => {
    const config = parseConfig({ PORT: "", HOST: "", DATA_DIR: "", DATABASE_URL: "", APP_SECRET: "" }, "/srv/app");
    expect(config.port).toBe(3000);
    expect(config.database.provider).toBe("sqlite");
  });

  it("resolves DATA_DIR against the working directory", () => {
    expect(parseConfig({ DATA_DIR: "var/db" }, "/srv/app").dataDir).toBe(path.resolve("/srv/app/var/db"));
    expect(parseConfig({ DATA_DIR: "/data" }, "/srv/app").dataDir).toBe("/data");
  });

  it("switches to PostgreSQL when DATABASE_URL is a postgres URL", () => {
    for (const url of ["postgres://u@db:5432/app", "postgresql://u:p@db/app"]) {
      expect(parseConfig({ DATABASE_URL: url, APP_SECRET: SECRET }).database).toEqual({
        provider: "postgresql",
        url,
        connectTimeoutMs: 3000,
        statementTimeoutMs: 3000,
      });
    }
  });

  it.each([
    [{ PORT: "abc" }, /^PORT must be a number$/],
    [{ PORT: "70000" }, /^PORT must be between 1 and 65535$/],
    [{ PORT: "3.5" }, /^PORT must be a whole number$/],
    [
      { DATABASE_URL: "mysql://db/app", APP_SECRET: SECRET },
      /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [{ APP_SECRET: "short" }, /^APP_SECRET must be at least 32 characters/],
    [{ DATABASE_URL: "postgres://db/app" }, /^APP_SECRET is required when DATABASE_URL is set/],
    [{ GATEWAY_MAX_BODY_MB: "lots" }, /^GATEWAY_MAX_BODY_MB must be a number of megabytes$/],
    [{ GATEWAY_MAX_BODY_MB: "0" }, /^GATEWAY_MAX_BODY_MB must be more than 0$/],
    [{ GATEWAY_MAX_BODY_MB: "4096" }, /^GATEWAY_MAX_BODY_MB must be at most 1024$/],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: "soon" }, /^DATABASE_STATEMENT_TIMEOUT_MS must be a number of milliseconds$/],
    [{ UPSTREAM_IDLE_TIMEOUT_MS: "0" }, /^UPSTREAM_IDLE_TIMEOUT_MS must be more than 0$/],
    [{ CLIENT_REQUEST_TIMEOUT_MS: "1.5" }, /^CLIENT_REQUEST_TIMEOUT_MS must be a whole number of milliseconds$/],
  ])("rejects %j with a one-line message", (env, message) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("reports every bad value, one per line", () => {
    expect(() => parseConfig({ PORT: "x", APP_SECRET: "y" })).toThrow(/PORT must be a number\nAPP_SECRET must be/);
  });

  it("takes the playground's external gateway from GATEWAY_BASE_URL + GATEWAY_API_KEY, both or neither", () => {
    expect(
      parseConfig({ GATEWAY_BASE_URL: "https://gw.example/v3/router/", GATEWAY_API_KEY: "key" }).externalGateway,
    ).toEqual({
      baseUrl: "https://gw.example/v3/router",
      apiKey: "key",
    });
    expect(parseConfig({ GATEWAY_BASE_URL: "", GATEWAY_API_KEY: "" }).externalGateway).toBeUndefined();
    expect(() => parseConfig({ GATEWAY_BASE_URL: "https://gw.example/v3/router" })).toThrow(/go together/);
    expect(() => parseConfig({ GATEWAY_API_KEY: "key" })).toThrow(/go together/);
    expect(() => parseConfig({ GATEWAY_BASE_URL: "ftp://gw.example", GATEWAY_API_KEY: "key" })).toThrow(
      /GATEWAY_BASE_URL must be/,
    );
  });
});
