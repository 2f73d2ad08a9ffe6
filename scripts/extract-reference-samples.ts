/**
 * Refreshes the reference-sample fixtures the integration tests run, from a copy of the Orq
 * reference docs (the tests never read anything outside the repository):
 *
 *   npx tsx scripts/extract-reference-samples.ts <directory holding the reference .md files>
 *
 * - orq-anthropic-integration.md: every fenced code block → tests/reference-samples/orq-anthropic-integration.samples.json
 * - orq-extended-thinking.md has no fences: its samples are kept by hand as files under
 *   tests/reference-samples/orq-extended-thinking/; this checks that each still appears verbatim
 *   in the doc and that no code line of the doc is missing from them.
 * Exits 1 (saying what differs) when a check fails.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { extractMarkdownSamples } from "../tests/reference-samples/extract-markdown-samples";
import {
  INTEGRATION_SAMPLES_FILE,
  EXTENDED_THINKING_SAMPLE_DIRECTORY,
} from "../tests/reference-samples/reference-sample-files";

const referenceDirectory = process.argv[2];
if (!referenceDirectory) {
  console.error("usage: npx tsx scripts/extract-reference-samples.ts <reference docs directory>");
  process.exit(2);
}

const integrationDoc = readFileSync(path.join(referenceDirectory, "orq-anthropic-integration.md"), "utf8");
const samples = extractMarkdownSamples(integrationDoc, "orq-anthropic-integration.md");
writeFileSync(INTEGRATION_SAMPLES_FILE, `${JSON.stringify(samples, null, 2)}\n`);
console.log(`${samples.length} samples → ${path.relative(process.cwd(), INTEGRATION_SAMPLES_FILE)}`);

const thinkingDoc = readFileSync(path.join(referenceDirectory, "orq-extended-thinking.md"), "utf8");
const sampleFiles = readdirSync(EXTENDED_THINKING_SAMPLE_DIRECTORY).sort();
const readSample = (file: string) =>
  readFileSync(path.join(EXTENDED_THINKING_SAMPLE_DIRECTORY, file), "utf8").trimEnd();
const problems = sampleFiles
  .filter((file) => !thinkingDoc.includes(readSample(file)))
  .map((file) => `${file} no longer appears verbatim in orq-extended-thinking.md`);
const sampleLines = new Set(sampleFiles.flatMap((file) => readSample(file).split("\n")));
const looksLikeCode = /[;{}=[\],]\s*$|^\s*(const|let|await|import|curl|-H|-d|\/\/|")/;
for (const line of thinkingDoc.split("\n")) {
  if (looksLikeCode.test(line) && !sampleLines.has(line))
    problems.push(`orq-extended-thinking.md has a code line no sample file keeps: ${line}`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${sampleFiles.length} extended-thinking samples match the doc`);
