/** Chunks end at the first safe break after this many characters. */
const CHUNK_CHARACTERS = 1_500;

/**
 * Splits a (possibly still streaming) markdown answer into chunks that render on their own, so a
 * long answer re-renders only its last chunk per streamed update (each chunk is memoized): the
 * rest of the answer costs nothing as it grows.
 *
 * A chunk ends only at a blank line outside a code fence whose next line has started and is not
 * indented (an indented line could continue a list item or be an indented code block). Breaks
 * depend only on the text before them, so as the text grows, earlier chunks never change.
 */
export function splitMarkdownChunks(text: string, chunkCharacters = CHUNK_CHARACTERS): string[] {
  const chunks: string[] = [];
  let chunkStart = 0;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf("\n", lineStart);
    if (newline === -1) break;
    const line = text.slice(lineStart, newline);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    }
    const next = newline + 1;
    const blankLineFollows = text[next] === "\n";
    const afterBlank = text[next + 1];
    if (
      fence === null &&
      blankLineFollows &&
      afterBlank !== undefined &&
      afterBlank !== " " &&
      afterBlank !== "\t" &&
      afterBlank !== "\n" &&
      next + 1 - chunkStart >= chunkCharacters
    ) {
      chunks.push(text.slice(chunkStart, next + 1));
      chunkStart = next + 1;
      lineStart = next + 1;
      continue;
    }
    lineStart = next;
  }
  chunks.push(text.slice(chunkStart));
  return chunks;
}
