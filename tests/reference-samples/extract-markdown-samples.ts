export type MarkdownSample = {
  /** `<section> › <fence title>`, e.g. `Quick Start › TypeScript (Chat Completions)`; unique per doc. */
  name: string;
  /** The nearest heading or `<Accordion title>` above the fence. */
  section: string;
  /** The fence's language: `typescript`, `bash`, `python`, … */
  language: string;
  /** The fence's tab title, e.g. `cURL (Chat Completions)`; empty when it has none. */
  title: string;
  /** The code, with the fence's own indentation removed (as a renderer shows it). */
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
};

const headingPattern = /^#{1,6}\s+(.+?)\s*$/;
const accordionPattern = /<Accordion\s+title="([^"]+)"/;
const openingFencePattern = /^( *)```(\S*)\s*(.*)$/;

/**
 * Every fenced code block of a Mintlify-style markdown page, named after the section it sits in
 * and its tab title (the info string minus `theme={…}`).
 * @see https://spec.commonmark.org/0.31.2/#fenced-code-blocks
 */
export function extractMarkdownSamples(markdown: string, sourceName: string): MarkdownSample[] {
  const lines = markdown.split("\n");
  const samples: MarkdownSample[] = [];
  let section = "";
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = line.match(headingPattern)?.[1] ?? line.match(accordionPattern)?.[1];
    if (heading) {
      section = heading;
      continue;
    }
    const opening = line.match(openingFencePattern);
    if (!opening) continue;
    const indent = opening[1]!.length;
    const closing = lines.findIndex((candidate, at) => at > index && candidate.trim() === "```");
    if (closing === -1) throw new Error(`${sourceName}:${index + 1}: unclosed code fence`);
    const code = lines
      .slice(index + 1, closing)
      .map((codeLine) => codeLine.replace(new RegExp(`^ {0,${indent}}`), ""))
      .join("\n");
    const title = opening[3]!.replace(/\s*theme=.*$/, "").trim();
    samples.push({
      name: title ? `${section} › ${title}` : section,
      section,
      language: opening[2]!,
      title,
      code,
      line: index + 1,
    });
    index = closing;
  }
  return samples;
}
