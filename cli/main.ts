import { ConfigError } from "@/lib/config/config-error";
import { AppError } from "@/lib/errors/app-error";
import { MigrationError } from "@/lib/db/migrations/plan-migrations";
import { SecretBoxError } from "@/lib/crypto/secret-box";
import type { ZodError } from "zod";
import { UsageError } from "./usage-error";
import { commands, HELP } from "./commands";

export const EXIT = { ok: 0, runtimeError: 1, usageError: 2 } as const;

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 runtime error, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const command = topic ? await commands[topic]?.load() : undefined;
    process.stdout.write(`${command ? command.help : HELP}\n`);
    return EXIT.ok;
  }
  const command = await commands[name]?.load();
  if (!command) {
    process.stderr.write(`switchyard: unknown command "${name}"\n\n${HELP}\n`);
    return EXIT.usageError;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return (await command.run(rest)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`switchyard ${name}: ${error.message}\n\n${command.help}\n`);
      return EXIT.usageError;
    }
    if (isZodError(error)) {
      const issue = error.issues[0]!;
      process.stderr.write(
        `switchyard ${name}: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}\n`,
      );
      return EXIT.usageError;
    }
    if (error instanceof AppError && error.code === "invalid_input") {
      process.stderr.write(`switchyard ${name}: ${error.message}\n`);
      return EXIT.usageError;
    }
    if (
      error instanceof ConfigError ||
      error instanceof AppError ||
      error instanceof MigrationError ||
      error instanceof SecretBoxError
    ) {
      process.stderr.write(`switchyard ${name}: ${error.message}\n`);
      return EXIT.runtimeError;
    }
    process.stderr.write(
      `switchyard ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.runtimeError;
  }
}

/** By shape, not `instanceof`: importing zod's runtime here would load it into every server's supervisor. */
function isZodError(error: unknown): error is ZodError {
  return error instanceof Error && error.name === "ZodError" && Array.isArray((error as ZodError).issues);
}
