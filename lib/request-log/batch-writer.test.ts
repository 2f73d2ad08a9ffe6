import { describe, expect, it } from "vitest";
import { BatchWriter } from "./batch-writer";

/** A database stand-in whose writes can be made to fail or hang. */
function fakeTable() {
  const rows: number[] = [];
  const batches: number[][] = [];
  let failing = false;
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  return {
    rows,
    batches,
    fail(on: boolean) {
      failing = on;
    },
    /** Writes wait until `release()`: a database that hangs. */
    hold() {
      let open!: () => void;
      gate = { promise: new Promise<void>((resolve) => (open = resolve)), open };
    },
    release() {
      gate?.open();
      gate = undefined;
    },
    write: async (batch: number[]) => {
      batches.push(batch);
      await gate?.promise;
      if (failing)
        throw new Error("\nInvalid `db.requestLog.createMany()` invocation in\n/app/x.ts:1:1\n\nconnection terminated");
      rows.push(...batch);
    },
  };
}

describe("BatchWriter", () => {
  it("writes rows in batches of at most batchSize, in order", async () => {
    const table = fakeTable();
    const writer = new BatchWriter<number>({ write: table.write, batchSize: 3, flushDelayMs: 1000, warn: () => {} });
    for (let row = 0; row < 7; row++) writer.enqueue(row);
    await writer.flush();
    expect(table.rows).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Math.max(...table.batches.map((batch) => batch.length))).toBe(3);
    expect(writer.getStats()).toMatchObject({ buffered: 0, written: 7, dropped: 0 });
  });

  it("keeps rows whose write failed and writes them once the database is back", async () => {
    const table = fakeTable();
    const warnings: string[] = [];
    const writer = new BatchWriter<number>({
      write: table.write,
      retryMinMs: 5,
      retryMaxMs: 20,
      flushDelayMs: 1,
      warn: (message) => warnings.push(message),
    });
    table.fail(true);
    for (let row = 0; row < 5; row++) writer.enqueue(row);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(table.rows).toEqual([]);
    expect(writer.getStats().failedWrites).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(
      /^request log: writing 5 rows failed \(connection terminated\); 5 buffered, retrying in \d+ ms$/,
    );
    table.fail(false);
    writer.enqueue(5);
    await writer.flush();
    expect(table.rows).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("drops and counts rows beyond maxBuffered, and says so", async () => {
    const table = fakeTable();
    const warnings: string[] = [];
    const writer = new BatchWriter<number>({
      write: table.write,
      maxBuffered: 4,
      flushDelayMs: 1000,
      warn: (message) => warnings.push(message),
    });
    table.fail(true);
    for (let row = 0; row < 10; row++) writer.enqueue(row);
    expect(writer.getStats()).toMatchObject({ buffered: 4, dropped: 6 });
    table.fail(false);
    await writer.flush();
    expect(table.rows).toEqual([0, 1, 2, 3]);
    expect(warnings.some((message) => /dropped 6 rows \(6 since start\)/.test(message))).toBe(true);
  });

  it("does not lose rows enqueued while a batch is being written", async () => {
    const table = fakeTable();
    const writer = new BatchWriter<number>({ write: table.write, batchSize: 2, flushDelayMs: 0, warn: () => {} });
    table.hold();
    writer.enqueue(0);
    writer.enqueue(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(table.batches).toEqual([[0, 1]]);
    writer.enqueue(2);
    writer.enqueue(3);
    table.release();
    await writer.flush();
    expect(table.rows).toEqual([0, 1, 2, 3]);
  });

  it("flush gives up at its deadline even while a write hangs", async () => {
    const table = fakeTable();
    const writer = new BatchWriter<number>({ write: table.write, flushDelayMs: 0, warn: () => {} });
    table.hold();
    writer.enqueue(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stats = await writer.flush(50);
    expect(stats.buffered).toBe(1);
    table.release();
  });

  it("flush gives up at its deadline and reports what is left", async () => {
    const table = fakeTable();
    const writer = new BatchWriter<number>({ write: table.write, retryMinMs: 5, retryMaxMs: 5, warn: () => {} });
    table.fail(true);
    writer.enqueue(1);
    const stats = await writer.flush(50);
    expect(stats.buffered).toBe(1);
    expect(table.rows).toEqual([]);
  });

  describe("a row the database refuses", () => {
    class DataError extends Error {}
    /** A table that refuses the rows in `bad` with a data error, whatever batch they come in. */
    function refusingTable(bad: Set<number>) {
      const rows: number[] = [];
      let writes = 0;
      let down = false;
      return {
        rows,
        get writes() {
          return writes;
        },
        down(on: boolean) {
          down = on;
        },
        write: async (batch: number[]) => {
          writes += 1;
          if (down) throw new Error("connection terminated");
          const refused = batch.find((row) => bad.has(row));
          if (refused !== undefined)
            throw new DataError(`Raw query failed. Code: \`22021\`. Message: \`row ${refused}\``);
          rows.push(...batch);
        },
      };
    }

    function writerFor(
      table: ReturnType<typeof refusingTable>,
      quarantine?: (row: number, reason: string) => Promise<void>,
    ) {
      const alarms: string[] = [];
      const quarantined: Array<{ row: number; reason: string }> = [];
      const writer = new BatchWriter<number>({
        write: table.write,
        batchSize: 500,
        flushDelayMs: 1000,
        retryMinMs: 5,
        retryMaxMs: 5,
        warn: () => {},
        alarm: (message) => alarms.push(message),
        isDataError: (error) => error instanceof DataError,
        quarantine:
          quarantine ??
          (async (row, reason) => {
            quarantined.push({ row, reason });
          }),
      });
      return { writer, alarms, quarantined };
    }

    it("is quarantined with its reason and every other row of its batch is written", async () => {
      const table = refusingTable(new Set([3, 250, 251, 499]));
      const { writer, alarms, quarantined } = writerFor(table);
      for (let row = 0; row < 500; row++) writer.enqueue(row);
      const stats = await writer.flush();
      expect(table.rows.sort((a, b) => a - b)).toEqual(
        Array.from({ length: 500 }, (_, row) => row).filter((row) => ![3, 250, 251, 499].includes(row)),
      );
      expect(quarantined.map(({ row }) => row)).toEqual([3, 250, 251, 499]);
      expect(quarantined[0]!.reason).toBe("Raw query failed. Code: `22021`. Message: `row 3`");
      expect(stats).toMatchObject({ buffered: 0, written: 496, quarantined: 4, discarded: 0, failedWrites: 0 });
      expect(alarms).toHaveLength(1);
      expect(alarms[0]).toMatch(/^request log: the database refused 4 rows \(.*\): 4 quarantined, 0 discarded;/);
      // Bisection, not one write per row: 2n − 1 at most, far fewer with few bad rows.
      expect(table.writes).toBeLessThan(80);
    });

    it("does not stop the rows queued after it", async () => {
      const table = refusingTable(new Set([0]));
      const { writer } = writerFor(table);
      writer.enqueue(0);
      await writer.flush();
      for (let row = 1; row <= 20; row++) writer.enqueue(row);
      await writer.flush();
      expect(table.rows).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    });

    it("is dropped and counted when it cannot be quarantined either", async () => {
      const table = refusingTable(new Set([1]));
      const { writer, alarms } = writerFor(table, () => Promise.reject(new Error("quarantine table missing")));
      for (let row = 0; row < 3; row++) writer.enqueue(row);
      const stats = await writer.flush();
      expect(table.rows).toEqual([0, 2]);
      expect(stats).toMatchObject({ buffered: 0, written: 2, quarantined: 0, discarded: 1 });
      expect(alarms[0]).toMatch(/0 quarantined, 1 discarded/);
    });

    it("is not confused with an outage: a connection error keeps the batch for a retry", async () => {
      const table = refusingTable(new Set());
      const { writer, quarantined } = writerFor(table);
      table.down(true);
      for (let row = 0; row < 4; row++) writer.enqueue(row);
      await writer.flush(30);
      expect(writer.getStats()).toMatchObject({ buffered: 4, quarantined: 0 });
      table.down(false);
      await writer.flush();
      expect(table.rows).toEqual([0, 1, 2, 3]);
      expect(quarantined).toEqual([]);
    });
  });
});
