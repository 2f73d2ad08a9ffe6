import { readFileSync } from "node:fs";
import path from "node:path";
import type { MarkdownSample } from "./extract-markdown-samples";

const HERE = path.dirname(new URL(import.meta.url).pathname);

/**
 * The reference docs' samples, as fixtures in the repository (refreshed from the docs by
 * scripts/extract-reference-samples.ts): the fenced blocks of orq-anthropic-integration.md…
 */
export const INTEGRATION_SAMPLES_FILE = path.join(HERE, "orq-anthropic-integration.samples.json");
/** …and orq-extended-thinking.md's unfenced samples, one file each. */
export const EXTENDED_THINKING_SAMPLE_DIRECTORY = path.join(HERE, "orq-extended-thinking");

export function integrationDocSamples(): MarkdownSample[] {
  return JSON.parse(readFileSync(INTEGRATION_SAMPLES_FILE, "utf8")) as MarkdownSample[];
}
