import { getDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import type { Command } from "./index";
import { parseOptions, readStdin } from "../parse-options";
import { UsageError } from "../usage-error";
import { migrateAndReportQuietly } from "./migrate-quietly";
import { withDb } from "../with-db";
import { setUserLimits } from "@/lib/users/user-limits";
import { limitValue } from "./key";

const HELP = `Usage:
  switchyard user create --email EMAIL --password-stdin [--admin]
      Creates a user. The password is read from standard input (never from the
      command line, where it would land in shell history), e.g.
        printf '%s' "$PASSWORD" | switchyard user create --email a@example.com --password-stdin --admin
  switchyard user limits EMAIL [--rpm N] [--tpm N] [--budget-usd N]
      Limits all of the user's gateway keys share (the playground's too), on top of each
      key's own; new keys start with them. \`none\` removes a limit; with no options, prints them.`;

export const userCommand: Command = {
  help: HELP,
  async run(argv) {
    const [action, ...rest] = argv;
    if (action === "limits") return userLimits(rest);
    if (action !== "create") throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    const { values } = parseOptions(rest, {
      email: { type: "string" },
      "password-stdin": { type: "boolean" },
      admin: { type: "boolean" },
    });
    if (!values.email) throw new UsageError("--email is required");
    if (!values["password-stdin"]) throw new UsageError("--password-stdin is required (pipe the password in)");
    const password = (await readStdin()).replace(/\r?\n$/, "");
    await migrateAndReportQuietly();
    const db = getDb();
    try {
      const user = await createUser(db, { email: values.email, password, role: values.admin ? "admin" : "member" });
      process.stdout.write(`Created ${user.role} ${user.email} (${user.id})\n`);
    } finally {
      await db.$disconnect();
    }
  },
};

async function userLimits(argv: string[]) {
  const { values, positionals } = parseOptions(
    argv,
    { rpm: { type: "string" }, tpm: { type: "string" }, "budget-usd": { type: "string" } },
    true,
  );
  if (positionals.length !== 1) throw new UsageError("give exactly one user email");
  const input = {
    ...(values.rpm !== undefined ? { requestsPerMinute: limitValue("--rpm", values.rpm) } : {}),
    ...(values.tpm !== undefined ? { tokensPerMinute: limitValue("--tpm", values.tpm) } : {}),
    ...(values["budget-usd"] !== undefined
      ? { monthlyBudgetUsd: limitValue("--budget-usd", values["budget-usd"]) }
      : {}),
  };
  await withDb(async (db) => {
    const user = await setUserLimits(db, positionals[0]!, input, "operator");
    const { requestsPerMinute, tokensPerMinute, monthlyBudgetUsd } = user.limits;
    process.stdout.write(
      `${user.email}: rpm ${requestsPerMinute ?? "none"}, tpm ${tokensPerMinute ?? "none"}, ` +
        `monthly budget ${monthlyBudgetUsd === null ? "none" : `$${monthlyBudgetUsd.toFixed(2)}`}\n`,
    );
  });
}
