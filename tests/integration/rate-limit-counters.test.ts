/**
 * An absurd charge cannot poison a key's counters: whatever a provider's usage adds up to
 * (1e308 tokens, Infinity, NaN, a negative "refund"), the increment is a whole number within
 * bounds, the statement succeeds on both databases, and the counter keeps counting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { incrementCounters, MAX_COUNTER_INCREMENT } from "@/lib/db/increment-counters";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";

const window = (id: string) => ({ id, expiresAt: new Date(Date.now() + 60_000) });

describe.each(testProviders)("rate-limit counters on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
  });

  afterAll(() => disposeDatabase({ database, db }));

  it.each([
    ["1e308 is clamped", 1e308, MAX_COUNTER_INCREMENT],
    ["Infinity is clamped", Infinity, MAX_COUNTER_INCREMENT],
    ["NaN adds nothing", NaN, 0],
    ["a negative charge adds nothing", -5, 0],
    ["a fraction is rounded", 1.5, 2],
  ])("a charge of %s", async (name, by, expected) => {
    const id = `tpm:${name}`;
    const counts = await incrementCounters(getDataPlaneDb(), "key_1", [{ window: window(id), by }]);
    expect(counts.get(id)).toBe(expected);
    // The row still takes ordinary increments.
    expect((await incrementCounters(getDataPlaneDb(), "key_1", [{ window: window(id), by: 3 }])).get(id)).toBe(
      expected + 3,
    );
  });

  it("many maximal charges in one window still count", async () => {
    const id = "spend:many";
    for (let charge = 0; charge < 20; charge++)
      await incrementCounters(getDataPlaneDb(), "key_1", [{ window: window(id), by: 1e308 }]);
    expect((await incrementCounters(getDataPlaneDb(), "key_1", [{ window: window(id), by: 1 }])).get(id)).toBe(
      20 * MAX_COUNTER_INCREMENT + 1,
    );
  });
});
