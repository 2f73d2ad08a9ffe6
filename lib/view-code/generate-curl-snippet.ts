import { renderLiteral } from "./render-literal";
import { abbreviationNotice, type SnippetContext } from "./snippet-context";
import { API_KEY_ENV_VAR, ROUTER_BASE_PATH } from "./view-code-types";

/** Bash-safe as a bare word: no quoting needed. */
const BARE_WORD = /^[A-Za-z0-9:/._~%-]+$/;

/**
 * `curl` against POST /v3/router/chat/completions. The body goes through a quoted heredoc:
 * bash expands nothing inside it, so apostrophes, `$` and backslashes in the content need no
 * escaping, and a large attachment does not hit the kernel's per-argument size limit
 * (128 KiB) the way `-d '…'` would.
 */
export function generateCurlSnippet(
  body: Record<string, unknown>,
  context: SnippetContext & { stream: boolean },
): string {
  const json = renderLiteral(body, { language: "json" });
  const delimiter = heredocDelimiter(json);
  const url = `${context.baseUrl}${ROUTER_BASE_PATH}/chat/completions`;
  return [
    ...abbreviationNotice(context, "#"),
    `curl -X POST ${BARE_WORD.test(url) ? url : shellQuote(url)} \\`,
    ...(context.stream ? ["  --no-buffer \\"] : []),
    `  -H "Authorization: Bearer $${API_KEY_ENV_VAR}" \\`,
    '  -H "Content-Type: application/json" \\',
    `  --data-binary @- <<'${delimiter}'`,
    json,
    delimiter,
    "",
  ].join("\n");
}

/** `JSON`, unless a line of the document is exactly that (it cannot be for JSON.stringify output, but be sure). */
function heredocDelimiter(document: string): string {
  const lines = new Set(document.split("\n"));
  let delimiter = "JSON";
  while (lines.has(delimiter)) delimiter = `${delimiter}_END`;
  return delimiter;
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
