import type { Command } from "./index";
import { parseOptions, readStdin } from "../parse-options";
import { UsageError } from "../usage-error";
import { withDb } from "../with-db";
import { printTable } from "../print-table";
import { createCredential, listCredentials, removeCredential } from "@/lib/credentials/manage-credentials";
import { CREDENTIAL_PROVIDERS } from "@/lib/credentials/providers";

const HELP = `Usage:
  switchyard provider add --provider anthropic|aws|google|openai-compatible --name NAME
                          (--api-key-stdin | --json-stdin) [--base-url URL] [--default] [--disabled]
      --api-key-stdin reads the provider's secret from stdin: the API key (anthropic,
      openai-compatible), the secret access key (aws: also --access-key-id, --region,
      optional --session-token, --inference-profile) or the service-account JSON
      (google: optional --project-id, --region, --token-url). --json-stdin reads every
      field as one JSON object instead (also modelIds: {catalog id: provider id}).
  switchyard provider list [--json]     never prints a secret (last 4 characters only)
  switchyard provider remove ID`;

export const providerCommand: Command = {
  help: HELP,
  async run(argv) {
    const [action, ...rest] = argv;
    switch (action) {
      case "add": {
        const { values } = parseOptions(rest, {
          provider: { type: "string" },
          name: { type: "string" },
          "api-key-stdin": { type: "boolean" },
          "json-stdin": { type: "boolean" },
          "base-url": { type: "string" },
          default: { type: "boolean" },
          disabled: { type: "boolean" },
          "access-key-id": { type: "string" },
          "session-token": { type: "string" },
          region: { type: "string" },
          "project-id": { type: "string" },
          "inference-profile": { type: "string" },
          "token-url": { type: "string" },
        });
        const provider = values.provider;
        if (!provider || !(CREDENTIAL_PROVIDERS as readonly string[]).includes(provider)) {
          throw new UsageError(`--provider must be one of ${CREDENTIAL_PROVIDERS.join(", ")}`);
        }
        if (!values["api-key-stdin"] === !values["json-stdin"]) {
          throw new UsageError("give exactly one of --api-key-stdin or --json-stdin");
        }
        const stdin = (await readStdin()).trim();
        let fields: Record<string, unknown>;
        if (values["json-stdin"]) {
          try {
            fields = JSON.parse(stdin) as Record<string, unknown>;
          } catch {
            throw new UsageError("--json-stdin: standard input is not valid JSON");
          }
        } else {
          const secretField = {
            anthropic: "apiKey",
            "openai-compatible": "apiKey",
            aws: "secretAccessKey",
            google: "serviceAccountJson",
          }[provider as (typeof CREDENTIAL_PROVIDERS)[number]];
          fields = {
            [secretField]: stdin,
            ...(values["access-key-id"] && { accessKeyId: values["access-key-id"] }),
            ...(values["session-token"] && { sessionToken: values["session-token"] }),
            ...(values.region && { region: values.region }),
            ...(values["project-id"] && { projectId: values["project-id"] }),
            ...(values["inference-profile"] && { inferenceProfile: values["inference-profile"] }),
            ...(values["token-url"] && { tokenUrl: values["token-url"] }),
          };
        }
        await withDb(async (db) => {
          const credential = await createCredential(db, {
            ...fields,
            provider,
            name: values.name ?? fields.name,
            ...(values["base-url"] && { baseUrl: values["base-url"] }),
            ...(values.default && { isDefault: true }),
            ...(values.disabled && { enabled: false }),
          });
          process.stdout.write(
            `Added ${credential.providerLabel} credential "${credential.name}" (${credential.id}), key ••••${credential.secretLast4}${credential.isDefault ? ", default" : ""}\n`,
          );
        });
        return;
      }
      case "list": {
        const { values } = parseOptions(rest, { json: { type: "boolean" } });
        await withDb(async (db) => {
          const credentials = await listCredentials(db);
          if (values.json) process.stdout.write(`${JSON.stringify(credentials, null, 2)}\n`);
          else
            printTable(
              credentials.map((credential) => ({
                id: credential.id,
                provider: credential.provider,
                name: credential.name,
                secret: `••••${credential.secretLast4}`,
                "base url": credential.baseUrl ?? "",
                enabled: credential.enabled ? "yes" : "no",
                default: credential.isDefault ? "yes" : "",
              })),
            );
        });
        return;
      }
      case "remove": {
        const { positionals } = parseOptions(rest, {}, true);
        if (positionals.length !== 1) throw new UsageError("give exactly one credential id");
        await withDb(async (db) => {
          await removeCredential(db, positionals[0]!);
          process.stdout.write(`Removed credential ${positionals[0]}\n`);
        });
        return;
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    }
  },
};
