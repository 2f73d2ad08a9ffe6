/**
 * An in-process buffer written in batches, for rows whose writing must never sit on a
 * response path. `enqueue` is synchronous and O(1). A writer runs at most one batch at a time;
 * a failed batch stays at the head of the buffer and is retried with backoff, so a slow or
 * failing database delays rows, it does not lose them — until the buffer is full: then new
 * rows are dropped and counted (and the count is reported), because memory is bounded.
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
};

export type BatchWriterStats = { buffered: number; written: number; dropped: number; failedWrites: number };

export class BatchWriter<Row> {
  private buffer: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private retryDelayMs = 0;
  private readonly stats: BatchWriterStats = { buffered: 0, written: 0, dropped: 0, failedWrites: 0 };
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
        await this.options.write(batch);
        // Rows enqueued meanwhile went to the tail: the head is still this batch.
        this.buffer.splice(0, batch.length);
        this.stats.written += batch.length;
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
}

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
