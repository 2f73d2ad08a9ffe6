// postinstall: generate both Prisma clients (no engine download needed).
import { execFileSync } from "node:child_process";

for (const provider of ["sqlite", "postgresql"]) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_PROVIDER: provider, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
