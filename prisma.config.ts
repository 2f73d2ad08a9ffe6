// Prisma CLI config (generate/validate/format only: the native schema engine
// cannot be downloaded here; migrations go through lib/db/migrations instead).
import path from "node:path";
import { defineConfig } from "prisma/config";

const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
// Any native-engine command fails loudly instead of silently doing nothing.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/no-native-schema-engine.sh");

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
});
