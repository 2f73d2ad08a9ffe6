import { getDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import type { Command } from "./index";
import { parseOptions, readStdin } from "../parse-options";
import { UsageError } from "../usage-error";
import { migrateAndReportQuietly } from "./migrate-quietly";

const HELP = `Usage: switchyard user create --email EMAIL --password-stdin [--admin]

Creates a user. The password is read from standard input (never from the
command line, where it would land in shell history), e.g.
  printf '%s' "$PASSWORD" | switchyard user create --email a@example.com --password-stdin --admin`;

export const userCommand: Command = {
  summary: "Manage users (user create)",
  help: HELP,
  async run(argv) {
    const [action, ...rest] = argv;
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
