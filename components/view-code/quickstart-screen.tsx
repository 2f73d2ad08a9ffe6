"use client";

import Link from "next/link";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import {
  DEFAULT_QUICKSTART_MODEL,
  quickstartExamples,
  quickstartModelGroups,
  type QuickstartExample,
} from "@/lib/view-code/quickstart-examples";
import { API_KEY_ENV_VAR } from "@/lib/view-code/view-code-types";
import { ViewCodeDialog } from "./view-code-dialog";

const noSubscription = () => () => {};

/**
 * AI Gateway › Quickstart: pick a model, open any example as ready-to-run code for this
 * gateway. `serverOrigin` is what the server saw; the browser's own origin wins once known.
 */
export function QuickstartScreen({ serverOrigin }: { serverOrigin: string }) {
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => serverOrigin,
  );
  const groups = useMemo(() => quickstartModelGroups(), []);
  const [model, setModel] = useState(DEFAULT_QUICKSTART_MODEL);
  const examples = useMemo(() => quickstartExamples(model), [model]);
  const [opened, setOpened] = useState<QuickstartExample | null>(null);
  const modelSelectId = useId();

  return (
    <div className="space-y-6">
      <PageHeader
        title="Quickstart"
        description="Call Claude through this gateway from your own code: pick a model, open an example and copy it as cURL, TypeScript, Python or Anthropic SDK code."
      />

      <ol className="grid gap-4 text-sm md:grid-cols-2">
        <li className="space-y-1.5 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <p className="font-medium">1. Get an API key</p>
          <p className="text-zinc-600 dark:text-zinc-400">
            <Link
              href="/gateway/api-keys"
              className="underline underline-offset-2 hover:text-zinc-900 dark:hover:text-zinc-100"
            >
              Create a gateway API key
            </Link>{" "}
            and put it in your shell:
          </p>
          <pre className="overflow-x-auto rounded-md bg-zinc-50 px-3 py-2 font-mono text-[12.5px] dark:bg-zinc-900/70">
            export {API_KEY_ENV_VAR}=sy-…
          </pre>
        </li>
        <li className="space-y-1.5 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <label htmlFor={modelSelectId} className="block font-medium">
            2. Pick a model
          </label>
          <select
            id={modelSelectId}
            value={model}
            onChange={(event) => setModel(event.target.value)}
            className="h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {groups.map((group) => (
              <optgroup key={group.provider} label={group.label}>
                {group.models.map((option) => (
                  <option key={option.gatewayModelId} value={option.gatewayModelId}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
            The provider prefix picks the credential: Anthropic API, Bedrock or Vertex AI.
          </p>
        </li>
      </ol>

      <section aria-labelledby="quickstart-examples" className="space-y-3">
        <h2 id="quickstart-examples" className="text-base font-semibold tracking-tight">
          3. Run an example
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {examples.map((example) => (
            <li
              key={example.id}
              className="flex flex-col justify-between gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
            >
              <div className="space-y-1">
                <h3 className="text-sm font-medium">{example.title}</h3>
                <p className="text-[13px] text-zinc-600 dark:text-zinc-400">{example.description}</p>
              </div>
              <Button
                size="sm"
                className="self-start"
                onClick={() => setOpened(example)}
                aria-label={`View code: ${example.title}`}
              >
                View code
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <ViewCodeDialog
        open={opened !== null}
        onClose={() => setOpened(null)}
        title={opened ? `View code: ${opened.title}` : "View code"}
        request={opened?.request}
        origin={origin}
      />
    </div>
  );
}
