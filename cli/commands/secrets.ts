import type { Command } from "./index";
import { parseOptions, readStdin } from "../parse-options";
import { UsageError } from "../usage-error";
import { withDb } from "../with-db";
import { rotateSecrets } from "@/lib/credentials/rotate-secrets";

const HELP = `Usage: switchyard secrets rotate --previous-secret-stdin

Re-encrypts every stored provider credential under the current APP_SECRET.
To rotate: set APP_SECRET to the new value (embedded mode: write it to
DATA_DIR/app-secret), then pipe the previous secret in:
  printf '%s' "$OLD_APP_SECRET" | switchyard secrets rotate --previous-secret-stdin
Safe to run again; credentials already under the current key are skipped.`;

export const secretsCommand: Command = {
  help: HELP,
  async run(argv) {
    const [action, ...rest] = argv;
    if (action !== "rotate") throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    const { values } = parseOptions(rest, { "previous-secret-stdin": { type: "boolean" } });
    if (!values["previous-secret-stdin"]) throw new UsageError("--previous-secret-stdin is required");
    const previous = (await readStdin()).trim();
    if (previous.length < 32) throw new UsageError("the previous APP_SECRET on stdin is shorter than 32 characters");
    await withDb(async (db) => {
      const { rotated, alreadyCurrent } = await rotateSecrets(db, previous);
      process.stdout.write(`Re-encrypted ${rotated} credential(s); ${alreadyCurrent} already used the current key.\n`);
    });
  },
};
