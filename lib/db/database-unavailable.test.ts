import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma: server unreachable", { code: "P1001", message: "Can't reach database server" }],
    ["Prisma: pool timeout", { code: "P2024", message: "Timed out fetching a new connection" }],
    [
      "a raw query's adapter error",
      { code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } },
    ],
    ["PostgreSQL statement timeout", { cause: { kind: "postgres", code: "57014" } }],
    ["node-postgres query_timeout", new Error("Query read timeout")],
    ["node-postgres connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a connection lost mid-query", new Error("Connection terminated unexpectedly")],
    ["SQLite busy", new Error("database is locked")],
    ["node-postgres: a statement timeout", Object.assign(new Error("canceling statement"), { code: "57014" })],
    ["node-postgres: connection refused", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
  ])("%s → unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "P2002", message: "Unique constraint failed" }],
    ["a PostgreSQL syntax error", { cause: { kind: "postgres", code: "42601" } }],
    ["node-postgres: a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["not an error", "nope"],
  ])("%s → not unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
