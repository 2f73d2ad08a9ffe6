import { getConfig } from "@/lib/env";
import { deriveSecretKey, type SecretKey } from "./secret-box";

let current: { appSecret: string; key: SecretKey } | undefined;

/** The key provider secrets are sealed with, derived once from APP_SECRET. */
export function appSecretKey(): SecretKey {
  const { appSecret } = getConfig();
  if (current?.appSecret !== appSecret) current = { appSecret, key: deriveSecretKey(appSecret) };
  return current.key;
}
