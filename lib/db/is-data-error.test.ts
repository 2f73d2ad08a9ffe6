import { describe, expect, it } from "vitest";
import { isDataError } from "./is-data-error";

const prismaError = (originalCode: string) =>
  Object.assign(new Error(`Invalid invocation\n\nRaw query failed. Code: \`${originalCode}\`. Message: \`…\``), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode } } },
  });

describe("isDataError", () => {
  it.each<[string, unknown, boolean]>([
    ["PostgreSQL NUL in text (22021)", prismaError("22021"), true],
    ["PostgreSQL integer out of range (22003)", prismaError("22003"), true],
    ["PostgreSQL invalid integer text (22P02)", prismaError("22P02"), true],
    ["PostgreSQL not-null violation (23502)", prismaError("23502"), true],
    ["SQLite NOT NULL constraint", prismaError("SQLITE_CONSTRAINT_NOTNULL"), true],
    ["SQLite datatype mismatch", Object.assign(new Error("datatype mismatch"), { code: "SQLITE_MISMATCH" }), true],
    ["a value the writer thread cannot bind", Object.assign(new Error("cannot bind"), { code: "BIND_ERROR" }), true],
    ["only the message names the code", new Error("Raw query failed. Code: `22001`. Message: `too long`"), true],
    ["PostgreSQL connection failure (08006)", prismaError("08006"), false],
    ["PostgreSQL admin shutdown (57P01)", prismaError("57P01"), false],
    ["PostgreSQL undefined table (42P01)", prismaError("42P01"), false],
    ["SQLite busy", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }), false],
    ["a socket error", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), false],
    ["a bare Prisma code", Object.assign(new Error("timed out"), { code: "P1001" }), false],
    ["not an error at all", "boom", false],
  ])("%s → %s", (_name, error, expected) => {
    expect(isDataError(error)).toBe(expected);
  });
});
