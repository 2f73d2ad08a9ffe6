import { describe, expect, it } from "vitest";
import { MigrationError, planMigrations } from "./plan-migrations";
import type { MigrationFile } from "./read-migrations";

const file = (name: string, checksum = `sum-${name}`): MigrationFile => ({ name, sql: "", checksum });
const row = (
  name: string,
  extra: Partial<{ checksum: string; finished_at: unknown; rolled_back_at: unknown }> = {},
) => ({
  migration_name: name,
  checksum: `sum-${name}`,
  finished_at: "2026-01-01T00:00:00Z",
  rolled_back_at: null,
  ...extra,
});

describe("planMigrations", () => {
  it("applies everything on a fresh database, in order", () => {
    expect(planMigrations([file("1_a"), file("2_b")], []).pending.map((m) => m.name)).toEqual(["1_a", "2_b"]);
  });

  it("applies only what the history lacks", () => {
    expect(planMigrations([file("1_a"), file("2_b")], [row("1_a")]).pending.map((m) => m.name)).toEqual(["2_b"]);
  });

  it("re-applies a migration that was rolled back", () => {
    const plan = planMigrations([file("1_a")], [row("1_a", { rolled_back_at: "2026-01-02" })]);
    expect(plan.pending.map((m) => m.name)).toEqual(["1_a"]);
  });

  it("warns when an applied migration was edited afterwards", () => {
    const plan = planMigrations([file("1_a", "new")], [row("1_a")]);
    expect(plan).toEqual({ pending: [], warnings: ["migration 1_a was modified after it was applied"] });
  });

  it("refuses to continue past an unfinished (failed) migration", () => {
    expect(() => planMigrations([file("1_a")], [row("1_a", { finished_at: null })])).toThrow(MigrationError);
  });

  it("refuses a database migrated by a newer version", () => {
    expect(() => planMigrations([file("1_a")], [row("1_a"), row("2_future")])).toThrow(/newer version/);
  });
});
