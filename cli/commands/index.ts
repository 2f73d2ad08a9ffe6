export type Command = {
  help: string;
  run(argv: string[]): Promise<number | void>;
};

type CommandEntry = { summary: string; load(): Promise<Command> };

/**
 * Each command's module is loaded only when it runs: a server's supervisor process then holds
 * the supervisor's code alone, not migrations, Prisma or the gateway (every process counts in
 * the server's memory, bench/results.md).
 */
export const commands: Record<string, CommandEntry> = {
  start: {
    summary: "Migrate, build when the sources changed, and serve (production)",
    load: async () => (await import("./serve")).startCommand,
  },
  gateway: {
    summary: "Migrate and serve the gateway alone (/v2, /v3, /metrics, /api/health), without the UI",
    load: async () => (await import("./serve")).gatewayCommand,
  },
  build: {
    summary: "Build the app when the sources changed since the last build",
    load: async () => (await import("./serve")).buildCommand,
  },
  dev: { summary: "Migrate and run the development server", load: async () => (await import("./serve")).devCommand },
  migrate: {
    summary: "Apply pending database migrations",
    load: async () => (await import("./migrate")).migrateCommand,
  },
  user: { summary: "Manage users (user create)", load: async () => (await import("./user")).userCommand },
  key: {
    summary: "Gateway API keys (key create | list | revoke | limits | policy)",
    load: async () => (await import("./key")).keyCommand,
  },
  provider: {
    summary: "BYOK provider credentials (provider add | list | remove)",
    load: async () => (await import("./provider")).providerCommand,
  },
  secrets: {
    summary: "Re-encrypt provider credentials after changing APP_SECRET (secrets rotate)",
    load: async () => (await import("./secrets")).secretsCommand,
  },
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
