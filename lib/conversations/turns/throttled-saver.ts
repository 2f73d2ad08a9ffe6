/**
 * Saves a streaming answer at most once per `intervalMs` and at least `intervalMs` after a
 * change (so a crash loses at most that much), one save at a time, always the latest state.
 */
export function createThrottledSaver(save: () => Promise<void>, intervalMs: number) {
  let lastSavedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;

  const run = () => {
    timer = undefined;
    lastSavedAt = Date.now();
    chain = chain.then(save).catch((error: unknown) => {
      failure = error;
    });
  };

  return {
    /** Something changed: save within `intervalMs`. */
    changed() {
      if (timer) return;
      timer = setTimeout(run, Math.max(0, lastSavedAt + intervalMs - Date.now()));
    },
    /** Stop the timer and wait for the save in flight; the caller then writes the final state. */
    async settle() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
      return failure;
    },
  };
}
