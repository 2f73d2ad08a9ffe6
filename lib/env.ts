import { readOrCreateAppSecret } from "./config/app-secret";
import { parseConfig, type Config } from "./config/env-schema";

export type { Config, DatabaseConfig } from "./config/env-schema";

export type ResolvedConfig = Config & { appSecret: string };

const globalForConfig = globalThis as unknown as { switchyardConfig?: ResolvedConfig; switchyardSettings?: Config };

/** The validated configuration, read once per process. */
export function getConfig(): ResolvedConfig {
  if (globalForConfig.switchyardConfig) return globalForConfig.switchyardConfig;
  const config = parseConfig(process.env);
  const appSecret = config.appSecret ?? readOrCreateAppSecret(config.dataDir);
  globalForConfig.switchyardConfig = { ...config, appSecret };
  return globalForConfig.switchyardConfig;
}

/**
 * The validated configuration without resolving the app secret (which may create its file):
 * for code that never needs the secret, such as provider calls' limits. Read once per process.
 */
export function getSettings(): Config {
  globalForConfig.switchyardSettings ??= globalForConfig.switchyardConfig ?? parseConfig(process.env);
  return globalForConfig.switchyardSettings;
}
