import { migrateCommand } from "./migrate";
import { startCommand, devCommand, buildCommand, gatewayCommand } from "./serve";
import { userCommand } from "./user";
import { keyCommand } from "./key";
import { providerCommand } from "./provider";
import { secretsCommand } from "./secrets";

export type Command = {
  summary: string;
  help: string;
  run(argv: string[]): Promise<number | void>;
};

export const commands: Record<string, Command> = {
  start: startCommand,
  gateway: gatewayCommand,
  build: buildCommand,
  dev: devCommand,
  migrate: migrateCommand,
  user: userCommand,
  key: keyCommand,
  provider: providerCommand,
  secrets: secretsCommand,
};

export const HELP = `Switchyard — self-hosted AI gateway and playground for Claude

Usage: switchyard <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join("\n")}
  help [cmd]  Show help for a command

Configuration comes from the environment (PORT, HOST, DATA_DIR, DATABASE_URL, APP_SECRET);
see README.md. Exit codes: 0 ok, 1 runtime error, 2 usage error.`;
