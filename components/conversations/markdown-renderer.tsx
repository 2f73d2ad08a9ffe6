"use client";

import { code } from "@streamdown/code";
import { memo, useRef } from "react";
import { Streamdown } from "streamdown";

const plugins = { code };
// GitHub's high-contrast light theme: the default one's orange (#e36209) is 3.5:1 on white,
// below WCAG AA for text.
const themes: ["github-light-high-contrast", "github-dark"] = ["github-light-high-contrast", "github-dark"];

/**
 * Streamdown renders markdown as it streams: it closes unterminated syntax (an open code fence,
 * half a table) before parsing and memoizes finished blocks, so a long answer re-renders only
 * its last block per update. Shiki highlighting loads its grammars from the bundle, not a CDN.
 */
export const MarkdownRenderer = memo(function MarkdownRenderer({
  text,
  streaming,
}: {
  text: string;
  streaming: boolean;
}) {
  // An answer that streamed here stays in block mode when it ends: switching to static mode
  // re-renders the whole document in one task (200+ ms for a 20k-token answer), while in block
  // mode only the last block changes.
  const streamed = useRef(streaming);
  if (streaming) streamed.current = true;
  return (
    <Streamdown
      className="markdown space-y-3 text-[15px] leading-relaxed break-words"
      plugins={plugins}
      mode={streamed.current ? "streaming" : "static"}
      isAnimating={streaming}
      shikiTheme={themes}
    >
      {text}
    </Streamdown>
  );
});

/** Creates the highlighter and loads the most common grammar ahead of the first code block. */
export function warmUpHighlighter() {
  code.highlight({ code: "const ready = true;", language: "typescript", themes }, () => {});
}
