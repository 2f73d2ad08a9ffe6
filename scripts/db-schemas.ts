/**
 * Writes prisma/<provider>/schema.prisma from prisma/models.prisma.
 * `--check` exits 1 instead of writing when a generated file is stale.
 */
import { renderProviderSchemas } from "../lib/db/schema/render-provider-schemas";
import { readFileSync, writeFileSync } from "node:fs";

const check = process.argv.includes("--check");
let stale = 0;
for (const { path, contents } of renderProviderSchemas()) {
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {}
  if (current === contents) continue;
  if (check) {
    console.error(`${path} is out of date with prisma/models.prisma: run npm run db:schemas`);
    stale++;
  } else {
    writeFileSync(path, contents);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale ? 1 : 0);
