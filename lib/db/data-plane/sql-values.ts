/**
 * Values as both clients store and read them. Prisma's SQLite adapter writes DateTime as ISO 8601
 * text with `+00:00` (and reads that, `Z`, `YYYY-MM-DD HH:MM:SS` or epoch milliseconds); writing
 * the same form keeps text comparisons and ORDER BY on date columns right. Booleans are 0/1 there
 * and integers come back as bigint (safe integers, as Prisma's adapter reads them). PostgreSQL
 * has real types: TIMESTAMP(3) without a time zone holding UTC, read back as UTC (postgres-data-plane-db.ts).
 */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export function dateOf(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  if (typeof value !== "string") throw new TypeError(`not a stored date: ${String(value)}`);
  // A zone-less `YYYY-MM-DD HH:MM:SS` is UTC, as Prisma reads it.
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value.replace(" ", "T")}Z`;
  return new Date(zoned);
}

export const dateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : dateOf(value);

export const intOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export const bigintOrNull = (value: unknown): bigint | null =>
  value === null || value === undefined ? null : BigInt(value as string | number | bigint);

/** 0/1 on SQLite (a bigint with safe integers), true/false on PostgreSQL. */
export const booleanOf = (value: unknown): boolean =>
  typeof value === "boolean" ? value : Number(value as number | bigint) !== 0;
