import type { ConnectionTestResult as Result } from "./credential-queries";
import { classNames } from "@/components/ui/class-names";

/** The outcome of "Test connection": the provider's answer and how long the round trip took. */
export function ConnectionTestResult({ result, error }: { result?: Result; error?: string }) {
  const ok = result?.ok === true;
  return (
    <p
      role="status"
      className={classNames(
        "flex flex-wrap items-baseline gap-x-2 text-[13px]",
        ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400",
      )}
    >
      <span className="font-medium">{ok ? "Connection OK" : "Connection failed"}</span>
      {result && <span className="font-mono text-xs">{result.latencyMs} ms</span>}
      <span className="text-zinc-600 dark:text-zinc-400">{result?.message ?? error}</span>
    </p>
  );
}
