import Database from "better-sqlite3";
import pg from "pg";
import type { TestDatabase } from "../helpers/test-database";

/**
 * Makes the request log's database misbehave while traffic runs, for `ms`:
 * - PostgreSQL: first an ACCESS EXCLUSIVE lock on "RequestLog" (its inserts hang: a slow
 *   database), then the insert waiting on it is terminated, then every 100 ms
 *   pg_terminate_backend on the log writer's connections (application_name
 *   switchyard-request-log: its inserts fail mid-flight);
 * - SQLite: a write transaction held open (the writer waits on the lock: a slow database).
 * Returns what it did, so a test can check the outage really happened.
 */
export async function databaseOutage(database: TestDatabase, ms: number): Promise<{ terminated: number }> {
  if (database.provider === "sqlite") {
    const sqlite = new Database(database.url.slice("file:".length));
    sqlite.pragma("busy_timeout = 5000");
    sqlite.exec("BEGIN IMMEDIATE");
    await sleep(ms);
    sqlite.exec("COMMIT");
    sqlite.close();
    return { terminated: 0 };
  }
  const locker = new pg.Client({ connectionString: database.url });
  const killer = new pg.Client({ connectionString: database.url });
  await locker.connect();
  await killer.connect();
  let terminated = 0;
  try {
    await locker.query("BEGIN");
    await locker.query('LOCK TABLE "RequestLog" IN ACCESS EXCLUSIVE MODE');
    await sleep(ms / 2);
    // An insert waiting on the lock is killed mid-flight for certain: the writer must see a
    // failed write, not only idle connections dropped between batches (which it never notices).
    const waitingUntil = Date.now() + ms / 2;
    while (Date.now() < waitingUntil) {
      const result = await killer.query(
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'switchyard-request-log' AND datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'",
      );
      const killed = result.rows.filter((row) => row.killed).length;
      terminated += killed;
      if (killed > 0) break;
      await sleep(50);
    }
    await locker.query("COMMIT");
    const deadline = Date.now() + ms / 2;
    while (Date.now() < deadline) {
      const result = await killer.query(
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'switchyard-request-log' AND datname = current_database()",
      );
      terminated += result.rows.filter((row) => row.killed).length;
      await sleep(100);
    }
  } finally {
    await locker.end().catch(() => {});
    await killer.end();
  }
  return { terminated };
}

/** Holds the request log's table locked until the returned function is called. */
export async function lockRequestLog(database: TestDatabase): Promise<() => Promise<void>> {
  if (database.provider === "sqlite") {
    const sqlite = new Database(database.url.slice("file:".length));
    sqlite.exec("BEGIN IMMEDIATE");
    return async () => {
      sqlite.exec("COMMIT");
      sqlite.close();
    };
  }
  const locker = new pg.Client({ connectionString: database.url });
  await locker.connect();
  await locker.query("BEGIN");
  await locker.query('LOCK TABLE "RequestLog" IN ACCESS EXCLUSIVE MODE');
  return async () => {
    await locker.query("COMMIT");
    await locker.end();
  };
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
