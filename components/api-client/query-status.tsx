import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "./request-json";

/**
 * What a screen shows of its query before the data: a loading line while it is pending, the
 * error if it failed (with a Retry button where `retry`), nothing once it has data.
 */
export function QueryStatus({
  query,
  loading,
  retry,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => Promise<unknown> };
  loading: string;
  retry?: boolean;
}) {
  if (query.isPending) return <p className="text-[13px] text-zinc-600 dark:text-zinc-400">{loading}</p>;
  if (!query.isError) return null;
  if (!retry) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  return (
    <Alert tone="error" className="flex items-center justify-between gap-3">
      {errorMessage(query.error)}
      <Button size="sm" onClick={() => void query.refetch()}>
        Retry
      </Button>
    </Alert>
  );
}
