"use client";

import { memo, useMemo } from "react";
import { tokenizeCode, type TokenKind } from "@/lib/view-code/tokenize-code";
import type { SnippetLanguage } from "@/lib/view-code/view-code-types";

const TOKEN_CLASSES: Record<TokenKind, string | undefined> = {
  string: "text-emerald-700 dark:text-emerald-300",
  comment: "text-zinc-600 italic dark:text-zinc-400",
  keyword: "text-violet-700 dark:text-violet-300",
  number: "text-amber-700 dark:text-amber-300",
  property: "text-sky-700 dark:text-sky-300",
  plain: undefined,
};

/** Highlighted, scrollable source; `label` names the region for assistive tech. */
export const CodeBlock = memo(function CodeBlock({
  code,
  language,
  label,
}: {
  code: string;
  language: SnippetLanguage;
  label: string;
}) {
  const tokens = useMemo(() => tokenizeCode(code, language), [code, language]);
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-[60dvh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 font-mono text-[12.5px] leading-relaxed text-zinc-800 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-800 dark:bg-zinc-900/70 dark:text-zinc-200"
    >
      <code className="block w-max min-w-full whitespace-pre">
        {tokens.map((token, index) =>
          TOKEN_CLASSES[token.kind] ? (
            <span key={index} className={TOKEN_CLASSES[token.kind]}>
              {token.text}
            </span>
          ) : (
            token.text
          ),
        )}
      </code>
    </pre>
  );
});
