/**
 * An in-process buffer written in batches, for rows whose writing must never sit on a
 * response path. `enqueue` is synchronous and O(1). A writer runs at most one batch at a time;
 * a failed batch stays at the head of the buffer and is retried with backoff, so a slow or
 * failing database delays rows, it does not lose them — until the buffer is full: then new
 * rows are dropped and counted (and the count is reported), because memory is bounded.
 *
 * A write the database refuses for the data in it (`isDataError`: a value out of range, a
 * constraint) is not retried as is — it would fail forever and hold up every row behind it.
 * The batch is bisected until the refused rows stand alone; the others are written and each
 * refused row is handed to `quarantine` (kept with the reason), or dropped and counted if that
 * fails too.
 */
export type BatchWriterOptions<Row> = {
  write(rows: Row[]): Promise<void>;
  /** Rows held at most; beyond it new rows are dropped and counted. */
  maxBuffered?: number;
  /** Rows per write. */
  batchSize?: number;
  /** How long a row may wait for companions before a write starts. */
  flushDelayMs?: number;
  /** Backoff after a failed write: doubles from `retryMinMs` up to `retryMaxMs`. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Where failures and drops are reported (never with row contents). */
  warn?: (message: string) => void;
  /** A write failed because of the rows' data, not the database's health: retrying cannot help. */
  isDataError?: (error: unknown) => boolean;
  /** Keeps a row the database refused, with why (a short error description). */
  quarantine?: (row: Row, reason: string) => Promise<void>;
  /** Where refused rows are reported, as counts (never with row contents). */
  alarm?: (message: string) => void;
};

export type BatchWriterStats = {
  buffered: number;
  written: number;
  dropped: number;
  failedWrites: number;
  /** Rows the database refused, kept in quarantine. */
  quarantined: number;
  /** Rows the database refused that could not be quarantined either. */
  discarded: number;
};

export class BatchWriter<Row> {
  private buffer: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private retryDelayMs = 0;
  private readonly stats: BatchWriterStats = {
    buffered: 0,
    written: 0,
    dropped: 0,
    failedWrites: 0,
    quarantined: 0,
    discarded: 0,
  };
  private droppedSinceReport = 0;
  private readonly options: Required<BatchWriterOptions<Row>>;

  constructor(options: BatchWriterOptions<Row>) {
    this.options = {
      maxBuffered: 50_000,
      batchSize: 500,
      flushDelayMs: 200,
      retryMinMs: 250,
      retryMaxMs: 10_000,
      warn: (message) => console.warn(message),
      isDataError: () => false,
      quarantine: () => Promise.reject(new Error("no quarantine")),
      alarm: (message) => console.error(message),
      ...options,
    };
  }

  enqueue(row: Row) {
    if (this.buffer.length >= this.options.maxBuffered) {
      this.stats.dropped += 1;
      this.droppedSinceReport += 1;
    } else {
      this.buffer.push(row);
    }
    this.schedule(this.buffer.length >= this.options.batchSize ? 0 : this.options.flushDelayMs);
  }

  getStats(): BatchWriterStats {
    return { ...this.stats, buffered: this.buffer.length };
  }

  /** Writes everything buffered, retrying failures until `deadlineMs` from now; resolves with what is left. */
  async flush(deadlineMs = 10_000): Promise<BatchWriterStats> {
    const deadline = Date.now() + deadlineMs;
    clearTimeout(this.timer);
    this.timer = undefined;
    while (Date.now() < deadline) {
      // A write that hangs (a locked table) must not hold a shutdown past its deadline.
      if (this.writing) await Promise.race([this.writing, sleep(Math.max(0, deadline - Date.now()))]);
      if (this.writing || this.buffer.length === 0) break;
      const ok = await this.writeBatch();
      if (!ok) await sleep(Math.min(this.retryDelayMs, Math.max(0, deadline - Date.now())));
    }
    return this.getStats();
  }

  private schedule(delayMs: number) {
    if (this.writing || this.buffer.length === 0) return;
    if (this.timer) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeBatch().then((ok) =>
        this.schedule(
          ok ? (this.buffer.length >= this.options.batchSize ? 0 : this.options.flushDelayMs) : this.retryDelayMs,
        ),
      );
    }, delayMs);
    // Pending log rows alone must not keep a process alive; shutdown flushes explicitly.
    this.timer.unref?.();
  }

  /** One batch from the head of the buffer; true when it was written. */
  private async writeBatch(): Promise<boolean> {
    if (this.writing) {
      await this.writing;
      return true;
    }
    const batch = this.buffer.slice(0, this.options.batchSize);
    if (batch.length === 0) return true;
    let ok = false;
    this.writing = (async () => {
      try {
        const refused = await this.writeOrSplit(batch);
        // Rows enqueued meanwhile went to the tail: the head is still this batch.
        this.buffer.splice(0, batch.length);
        this.stats.written += batch.length - refused.length;
        if (refused.length > 0) this.reportRefused(refused);
        this.retryDelayMs = 0;
        ok = true;
      } catch (error) {
        this.stats.failedWrites += 1;
        this.retryDelayMs = Math.min(this.options.retryMaxMs, Math.max(this.options.retryMinMs, this.retryDelayMs * 2));
        this.options.warn(
          `request log: writing ${batch.length} rows failed (${describe(error)}); ${this.buffer.length} buffered, retrying in ${this.retryDelayMs} ms`,
        );
      } finally {
        this.writing = undefined;
      }
      if (this.droppedSinceReport > 0) {
        this.options.warn(
          `request log: buffer full (${this.options.maxBuffered} rows): dropped ${this.droppedSinceReport} rows (${this.stats.dropped} since start)`,
        );
        this.droppedSinceReport = 0;
      }
    })();
    await this.writing;
    return ok;
  }

  /**
   * Writes `rows`, bisecting on data errors down to the single rows the database refuses, which
   * are quarantined; resolves with those. Any other error is thrown: the caller retries the
   * whole batch later, and rows already written are not written twice (the writer is idempotent
   * by row id). At most 2n − 1 writes for n rows.
   */
  private async writeOrSplit(rows: Row[]): Promise<RefusedRow[]> {
    try {
      await this.options.write(rows);
      return [];
    } catch (error) {
      if (!this.options.isDataError(error)) throw error;
      if (rows.length === 1) return [await this.quarantine(rows[0]!, describe(error))];
      const middle = Math.ceil(rows.length / 2);
      return [...(await this.writeOrSplit(rows.slice(0, middle))), ...(await this.writeOrSplit(rows.slice(middle)))];
    }
  }

  private async quarantine(row: Row, reason: string): Promise<RefusedRow> {
    try {
      await this.options.quarantine(row, reason);
      return { reason, quarantined: true };
    } catch {
      return { reason, quarantined: false };
    }
  }

  private reportRefused(refused: RefusedRow[]) {
    const quarantined = refused.filter((row) => row.quarantined).length;
    const discarded = refused.length - quarantined;
    this.stats.quarantined += quarantined;
    this.stats.discarded += discarded;
    const reasons = [...new Set(refused.map((row) => row.reason))].slice(0, 3).join("; ");
    this.options.alarm(
      `request log: the database refused ${refused.length} rows (${reasons}): ${quarantined} quarantined, ` +
        `${discarded} discarded; ${this.stats.quarantined} quarantined and ${this.stats.discarded} discarded since start`,
    );
  }
}

type RefusedRow = { reason: string; quarantined: boolean };

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages start with where the call was made; the cause is on the last line.
  return (
    message
      .split("\n")
      .filter((line) => line.trim())
      .at(-1)
      ?.trim()
      .slice(0, 200) ?? "unknown error"
  );
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
