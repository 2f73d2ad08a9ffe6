import "server-only";
import type { Db } from "@/lib/db";
import type { GatewayProvider } from "@/lib/catalog/model-catalog";
import { getConfig } from "@/lib/env";
import { listPlaygroundModels, playgroundProviders } from "./playground-models";

/** The model picker's list: the catalog, with availability from the enabled BYOK credentials. */
export async function listModelsForUser(db: Db) {
  const externalGateway = Boolean(getConfig().externalGateway);
  const rows = await db.providerCredential.findMany({
    where: { enabled: true },
    select: { provider: true },
    distinct: ["provider"],
  });
  const configuredProviders = new Set(
    rows
      .map((row) => row.provider)
      .filter((provider): provider is GatewayProvider => (playgroundProviders as string[]).includes(provider)),
  );
  return { models: listPlaygroundModels({ configuredProviders, externalGateway }), externalGateway };
}
