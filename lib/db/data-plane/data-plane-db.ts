import type { DatabaseConfig } from "@/lib/config/env-schema";

/** What a statement binds: dates, booleans and bigints are stored the way Prisma stores them (sql-values.ts). */
export type SqlValue = string | number | bigint | boolean | Date | null;

/**
 * The gateway's database client: raw SQL over the driver, without Prisma (whose client and query
 * compiler cost tens of MiB per process). Statements use `?` placeholders, rendered per dialect;
 * they must not contain a literal `?`. Rows come back as the driver reads them: decode columns
 * with sql-values.ts. A database that cannot answer throws DatabaseUnavailableError, as getDb()'s
 * client does. The admin UI keeps Prisma (lib/db/client.ts); both read and write the same rows.
 */
export interface DataPlaneDb {
  readonly provider: DatabaseConfig["provider"];
  /** The rows a statement returns (SELECT, or INSERT … RETURNING). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
  close(): Promise<void>;
}
