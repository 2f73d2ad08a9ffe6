import { getConfig } from "@/lib/env";
import { checkDatabase } from "@/lib/db/check-database";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";
import { APP_VERSION } from "@/lib/version";

export type Health =
  | { status: "ok"; db: "sqlite" | "postgresql"; version: string }
  | { status: "unavailable"; db: "sqlite" | "postgresql"; version: string; reason: string };

export async function getHealth(): Promise<Health> {
  const { database } = getConfig();
  const result = await checkDatabase(getDataPlaneDb(), database.provider);
  return result.ok
    ? { status: "ok", db: result.provider, version: APP_VERSION }
    : { status: "unavailable", db: result.provider, version: APP_VERSION, reason: result.reason };
}
