import type { Command } from "./index";
import { parseOptions } from "../parse-options";
import { UsageError } from "../usage-error";
import { withDb } from "../with-db";
import { printTable } from "../print-table";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { setApiKeyLimits } from "@/lib/api-keys/set-api-key-limits";
import { AppError } from "@/lib/errors/app-error";
import { membersMayCreateKeys, setMembersMayCreateKeys } from "@/lib/api-keys/key-creation-policy";

const HELP = `Usage:
  switchyard key create --name NAME [--user EMAIL] [--expires ISO_DATETIME]
      Creates a gateway API key and prints it alone on the last line (shown once).
      Owner: --user, or the first admin.
  switchyard key list [--json]
      --json prints [{id, name, prefix, createdAt, lastUsedAt, revokedAt}].
  switchyard key revoke ID_OR_PREFIX
      Takes effect on every running instance within a second.
  switchyard key limits ID_OR_PREFIX [--rpm N] [--tpm N] [--budget-usd N] [--log-bodies on|off]
      Requests per minute, tokens per minute, monthly spend (US dollars, UTC month) and request/
      response body logging for one key; \`none\` removes a limit, omitted options stay as they are.
      Over a limit the gateway answers 429 with retry-after. With no options, prints the limits.
      (Limits for all of a user's keys together: switchyard user limits.)
  switchyard key policy [--members-create on|off]
      Whether members may create their own keys (admins always may); prints the setting.`;

export const keyCommand: Command = {
  help: HELP,
  async run(argv) {
    const [action, ...rest] = argv;
    switch (action) {
      case "create": {
        const { values } = parseOptions(rest, {
          name: { type: "string" },
          user: { type: "string" },
          expires: { type: "string" },
        });
        if (!values.name) throw new UsageError("--name is required");
        await withDb(async (db) => {
          const owner = values.user
            ? await db.user.findUnique({ where: { email: values.user.trim().toLowerCase() }, select: { id: true } })
            : await db.user.findFirst({
                where: { role: "admin" },
                orderBy: { createdAt: "asc" },
                select: { id: true },
              });
          if (!owner) {
            throw new AppError(
              "not_found",
              values.user
                ? `no user ${values.user}`
                : "no admin exists yet: run `switchyard user create --admin` first",
            );
          }
          const { key, apiKey } = await createApiKey(
            db,
            owner.id,
            {
              name: values.name,
              expiresAt: values.expires ?? null,
            },
            "operator",
          );
          process.stderr.write(
            `Created key "${apiKey.name}" (${apiKey.prefix}) for ${apiKey.owner}. It is shown only now:\n`,
          );
          process.stdout.write(`${key}\n`);
        });
        return;
      }
      case "list": {
        const { values } = parseOptions(rest, { json: { type: "boolean" } });
        await withDb(async (db) => {
          const keys = await listApiKeys(db, "operator");
          if (values.json) {
            const rows = keys.map(({ id, name, prefix, createdAt, lastUsedAt, revokedAt }) => ({
              id,
              name,
              prefix,
              createdAt,
              lastUsedAt,
              revokedAt,
            }));
            process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          } else {
            printTable(
              keys.map((key) => ({
                id: key.id,
                name: key.name,
                prefix: key.prefix,
                owner: key.owner,
                status: key.status,
                created: key.createdAt,
                "last used": key.lastUsedAt ?? "never",
              })),
            );
          }
        });
        return;
      }
      case "revoke": {
        const { positionals } = parseOptions(rest, {}, true);
        if (positionals.length !== 1) throw new UsageError("give exactly one key id or prefix");
        await withDb(async (db) => {
          const key = await revokeApiKey(db, positionals[0]!, "operator");
          process.stdout.write(`Revoked ${key.prefix} (${key.name})\n`);
        });
        return;
      }
      case "limits": {
        const { values, positionals } = parseOptions(
          rest,
          {
            rpm: { type: "string" },
            tpm: { type: "string" },
            "budget-usd": { type: "string" },
            "log-bodies": { type: "string" },
          },
          true,
        );
        if (positionals.length !== 1) throw new UsageError("give exactly one key id or prefix");
        const input = {
          ...(values.rpm !== undefined ? { requestsPerMinute: limitValue("--rpm", values.rpm) } : {}),
          ...(values.tpm !== undefined ? { tokensPerMinute: limitValue("--tpm", values.tpm) } : {}),
          ...(values["budget-usd"] !== undefined
            ? { monthlyBudgetUsd: limitValue("--budget-usd", values["budget-usd"]) }
            : {}),
          ...(values["log-bodies"] !== undefined ? { logBodies: onOff("--log-bodies", values["log-bodies"]) } : {}),
        };
        await withDb(async (db) => {
          const key = await setApiKeyLimits(db, positionals[0]!, input, "operator");
          const { requestsPerMinute, tokensPerMinute, monthlyBudgetUsd, logBodies } = key.limits;
          process.stdout.write(
            `${key.prefix} (${key.name}): rpm ${requestsPerMinute ?? "none"}, tpm ${tokensPerMinute ?? "none"}, ` +
              `monthly budget ${monthlyBudgetUsd === null ? "none" : `$${monthlyBudgetUsd.toFixed(2)}`}, body logging ${logBodies ? "on" : "off"}\n`,
          );
        });
        return;
      }
      case "policy": {
        const { values } = parseOptions(rest, { "members-create": { type: "string" } });
        const wanted = values["members-create"];
        await withDb(async (db) => {
          const allowed =
            wanted === undefined
              ? await membersMayCreateKeys(db)
              : await setMembersMayCreateKeys(db, onOff("--members-create", wanted));
          process.stdout.write(`members may create keys: ${allowed ? "on" : "off"}\n`);
        });
        return;
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    }
  },
};

/** `none` (or 0) removes a limit; anything else must be a positive number. */
export function limitValue(option: string, value: string): number | null {
  if (value === "none" || value === "0") return null;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || value.trim() === "")
    throw new UsageError(`${option} must be a positive number or "none"`);
  return number;
}

function onOff(option: string, value: string): boolean {
  if (value === "on") return true;
  if (value === "off") return false;
  throw new UsageError(`${option} must be on or off`);
}
