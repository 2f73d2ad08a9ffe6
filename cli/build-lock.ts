import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const STALE_AFTER_MS = 10 * 60_000;

function holderAlive(lockDir: string) {
  try {
    const pid = Number(readFileSync(path.join(lockDir, "pid"), "utf8"));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Serialises `next build` between processes started together (two `npm start`s,
 * or the e2e suite's two servers): the second waits, then sees a current build.
 */
export async function withBuildLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lockDir = path.join(root, ".next-build.lock");
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!holderAlive(lockDir) && Date.now() - started > 2_000) rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() - started > STALE_AFTER_MS)
        throw new Error(`another build has held ${lockDir} for 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
