"use client";

import { code } from "@streamdown/code";
import { memo } from "react";
import { Streamdown } from "streamdown";

const plugins = { code };

/**
 * Streamdown renders markdown as it streams: it closes unterminated syntax (an open code fence,
 * half a table) before parsing and memoizes finished blocks, so a long answer re-renders only
 * its last block per update. Shiki highlighting loads its grammars from the bundle, not a CDN.
 */
export const Markdown = memo(function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Streamdown
      className="markdown space-y-3 text-[15px] leading-relaxed break-words"
      plugins={plugins}
      mode={streaming ? "streaming" : "static"}
      isAnimating={streaming}
      shikiTheme={["github-light", "github-dark"]}
    >
      {text}
    </Streamdown>
  );
});
