"use client";

import { lazy, Suspense } from "react";
import { splitMarkdownChunks } from "@/lib/conversations/document/split-markdown-chunks";

const loadRenderer = () => import("./markdown-renderer");
const MarkdownRenderer = lazy(() => loadRenderer().then((module) => ({ default: module.MarkdownRenderer })));

/**
 * Markdown, loaded on demand: the renderer (Streamdown: a markdown parser, HTML sanitizer and
 * Shiki for code) is ~210 kB gzipped, more than the rest of the playground together, so it is not
 * part of the page's first load. Server-rendered answers keep their HTML while it loads (hydration
 * waits for it); an answer that starts streaming before it arrives shows as plain text meanwhile.
 *
 * The text renders in chunks (memoized), so each streamed update re-renders only the last one:
 * rendering the whole of a 20k-token answer per update took 100–250 ms tasks near its end.
 */
export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  const chunks = splitMarkdownChunks(text);
  return (
    <Suspense fallback={<div className="text-[15px] leading-relaxed break-words whitespace-pre-wrap">{text}</div>}>
      <div className="space-y-3">
        {chunks.map((chunk, index) => (
          <MarkdownRenderer key={index} text={chunk} streaming={streaming && index === chunks.length - 1} />
        ))}
      </div>
    </Suspense>
  );
}

/**
 * Loads the renderer and warms up the highlighter while the browser is idle, so that the first
 * streamed answer does not pay for evaluating them (a 200+ ms task) mid-stream.
 */
export function preloadMarkdown() {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
  idle(() => {
    loadRenderer()
      .then((module) => idle(() => module.warmUpHighlighter()))
      .catch(() => {
        // Loaded again, with its error shown, when an answer needs it.
      });
  });
}
