import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { bumpSlidingCounter } from "@/lib/db/bump-sliding-counter";
import { AppError } from "@/lib/errors/app-error";

/**
 * Sign-in throttling per account and per client address. Failures are counted in the shared
 * counters table (so every instance sees them), remembered for a window from the last failure;
 * past a number of free failures each further one locks the subject out for twice as long as
 * the one before, up to the window. Attempts while locked out are refused before the password
 * is checked and do not count, so a locked-out account cannot be probed.
 */
export const SIGN_IN_FREE_FAILURES = { account: 5, ip: 20 } as const;
const FAILURES_WINDOW = "sign-in-failures";

export type ThrottleSubject = { id: string; freeFailures: number };

export function signInSubjects(email: string, ip: string): ThrottleSubject[] {
  // Hashed: the table holds no addresses people typed (nor arbitrary-length ones).
  const account = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 40);
  return [
    { id: `sign-in:account:${account}`, freeFailures: SIGN_IN_FREE_FAILURES.account },
    { id: `sign-in:ip:${ip}`, freeFailures: SIGN_IN_FREE_FAILURES.ip },
  ];
}

/** Pure: seconds locked out after `failures`; the first lockout is 1/8 of the window, then doubling. */
export function lockoutSeconds(failures: number, freeFailures: number, windowSeconds: number): number {
  if (failures < freeFailures) return 0;
  const first = Math.max(1, Math.ceil(windowSeconds / 8));
  return Math.min(windowSeconds, first * 2 ** Math.min(failures - freeFailures, 30));
}

/** Throws a 429 with retry-after while any subject is locked out. */
export async function assertSignInAllowed(
  db: Db,
  subjects: ThrottleSubject[],
  windowSeconds: number,
  now = new Date(),
): Promise<void> {
  const rows = await db.rateLimitCounter.findMany({
    where: { apiKeyId: { in: subjects.map((subject) => subject.id) }, window: FAILURES_WINDOW },
    select: { apiKeyId: true, value: true, expiresAt: true },
  });
  let waitSeconds = 0;
  for (const row of rows) {
    const subject = subjects.find((candidate) => candidate.id === row.apiKeyId)!;
    const lastFailure = row.expiresAt.getTime() - windowSeconds * 1000;
    const lockedUntil = lastFailure + lockoutSeconds(Number(row.value), subject.freeFailures, windowSeconds) * 1000;
    if (lockedUntil > now.getTime())
      waitSeconds = Math.max(waitSeconds, Math.ceil((lockedUntil - now.getTime()) / 1000));
  }
  if (waitSeconds > 0) {
    throw new AppError("rate_limited", `too many failed sign-in attempts: try again in ${waitSeconds} s`, undefined, {
      retryAfterSeconds: waitSeconds,
    });
  }
}

export async function recordSignInFailure(
  db: Db,
  subjects: ThrottleSubject[],
  windowSeconds: number,
  now = new Date(),
) {
  const expiresAt = new Date(now.getTime() + windowSeconds * 1000);
  for (const subject of subjects) await bumpSlidingCounter(db, subject.id, FAILURES_WINDOW, expiresAt);
}

/** A successful sign-in forgets the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, subjects: ThrottleSubject[]) {
  await db.rateLimitCounter.deleteMany({ where: { apiKeyId: subjects[0]!.id, window: FAILURES_WINDOW } });
}
