import { API_KEY_ENV_VAR, ROUTER_BASE_PATH } from "./view-code-types";

/** What every snippet generator needs besides the body. */
export type SnippetContext = {
  /** The gateway's base URL, without a trailing slash: `http://localhost:3000`. */
  baseUrl: string;
  /** How many values of the body this snippet prints were abbreviated. */
  abbreviatedValues: number;
};

/** `http://localhost:3000/` → `http://localhost:3000`; throws on anything but an absolute http(s) URL. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`The gateway URL "${baseUrl}" is not an absolute URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`The gateway URL must use http or https.`);
  if (url.search || url.hash) throw new Error("The gateway URL must not have a query or fragment.");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The comment lines above a snippet whose body was abbreviated (none when nothing was). */
export function abbreviationNotice(context: SnippetContext, commentPrefix: "#" | "//"): string[] {
  if (context.abbreviatedValues === 0) return [];
  const values =
    context.abbreviatedValues === 1
      ? "1 large base64 value is"
      : `${context.abbreviatedValues} large base64 values are`;
  return [
    `${commentPrefix} Note: ${values} abbreviated below ("…[N more characters]"), so this request`,
    `${commentPrefix} will not run as is. Switch on "Include full base64" to copy the runnable version.`,
  ];
}

/**
 * How a TypeScript snippet starts: the abbreviation notice, the SDK's import, and a client at
 * the gateway with the key from the environment (`options`: more constructor lines).
 */
export function typeScriptClientPreamble(
  context: SnippetContext,
  sdk: { className: string; module: string },
  options: string[] = [],
): string[] {
  return [
    ...abbreviationNotice(context, "//"),
    `import ${sdk.className} from ${JSON.stringify(sdk.module)};`,
    "",
    `const client = new ${sdk.className}({`,
    `  apiKey: process.env.${API_KEY_ENV_VAR},`,
    `  baseURL: ${JSON.stringify(`${context.baseUrl}${ROUTER_BASE_PATH}`)},`,
    ...options,
    "});",
    "",
  ];
}
