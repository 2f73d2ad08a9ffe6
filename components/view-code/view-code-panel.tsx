"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Switch } from "@/components/ui/switch";
import { generateViewCode } from "@/lib/view-code/generate-view-code";
import { API_KEY_ENV_VAR, type SnippetId } from "@/lib/view-code/view-code-types";
import { CodeBlock } from "./code-block";
import { SnippetTabs } from "./snippet-tabs";

export type ViewCodePanelProps = {
  /** The exact Chat Completions body sent (or to be sent) to the gateway. */
  request: unknown;
  /** The gateway's origin as clients reach it, e.g. `window.location.origin`. */
  origin: string;
  initialSnippet?: SnippetId;
};

/**
 * Copy-ready programs that reproduce `request` against this gateway: tabs for curl, the
 * openai TypeScript and Python SDKs and the Anthropic SDK, a copy button, and the switch
 * between readable (abbreviated base64) and runnable (full) code.
 */
export function ViewCodePanel({ request, origin, initialSnippet = "curl" }: ViewCodePanelProps) {
  const [selected, setSelected] = useState<SnippetId>(initialSnippet);
  const [includeFullBase64, setIncludeFullBase64] = useState(false);
  const result = useMemo(
    () => generateViewCode(request, { baseUrl: origin, includeFullBase64 }),
    [request, origin, includeFullBase64],
  );
  const idPrefix = useId();
  const panelId = `${idPrefix}-panel`;
  const tabId = (id: SnippetId) => `${idPrefix}-tab-${id}`;
  const switchLabelId = `${idPrefix}-full-base64`;

  if (!result.ok) {
    return <Alert tone="error">This request cannot be shown as code: {result.error}</Alert>;
  }
  const snippet = result.snippets.find((candidate) => candidate.id === selected) ?? result.snippets[0]!;
  const hasLargeValues = result.abbreviatedValues > 0 || includeFullBase64;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SnippetTabs
          snippets={result.snippets}
          selected={snippet.id}
          onSelect={setSelected}
          panelId={panelId}
          tabId={tabId}
        />
        {hasLargeValues && (
          <div className="flex items-center gap-2">
            <Switch
              checked={includeFullBase64}
              onCheckedChange={setIncludeFullBase64}
              label="Include full base64"
              id={switchLabelId}
            />
            <label htmlFor={switchLabelId} className="text-[13px] text-zinc-700 dark:text-zinc-300">
              Include full base64
            </label>
          </div>
        )}
      </div>

      {result.gatewayRejects && (
        <Alert tone="warning">The gateway will reject this request as it stands: {result.gatewayRejects}</Alert>
      )}

      <div id={panelId} role="tabpanel" aria-labelledby={tabId(snippet.id)} className="space-y-2">
        {snippet.code === null ? (
          <Alert tone="warning">
            No {snippet.label} version: {snippet.unavailableReason}
          </Alert>
        ) : (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2 text-[13px] text-zinc-600 dark:text-zinc-400">
              <p>
                {result.abbreviatedValues > 0 ? (
                  <>
                    {result.abbreviatedValues === 1
                      ? "1 large base64 value is"
                      : `${result.abbreviatedValues} large base64 values are`}{" "}
                    abbreviated for reading. Switch on <strong className="font-medium">Include full base64</strong>{" "}
                    before copying code to run.
                  </>
                ) : (
                  <>
                    Reads your gateway API key from <code className="font-mono text-[12px]">${API_KEY_ENV_VAR}</code> (
                    <Link
                      href="/gateway/api-keys"
                      className="underline underline-offset-2 hover:text-zinc-900 dark:hover:text-zinc-100"
                    >
                      create one
                    </Link>
                    ).
                  </>
                )}
              </p>
              <CopyButton key={snippet.id} value={snippet.code} label={`Copy ${snippet.label} code`} size="sm" />
            </div>
            <CodeBlock code={snippet.code} language={snippet.language} label={`${snippet.label} code`} />
          </>
        )}
      </div>
    </div>
  );
}
