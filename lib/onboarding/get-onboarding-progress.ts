import "server-only";
import type { Route } from "next";
import type { Db } from "@/lib/db";

export type OnboardingStep = {
  id: "provider-key" | "playground" | "api-key";
  title: string;
  href: Route;
  done: boolean;
};

/**
 * A new admin's first three steps, each done or not from what the database holds: a provider key
 * to call Claude with (install-wide), a first playground conversation, a gateway API key of their own.
 */
export async function getOnboardingProgress(db: Db, userId: string): Promise<OnboardingStep[]> {
  const [credentials, sessions, apiKeys] = await Promise.all([
    db.providerCredential.count({ where: { enabled: true } }),
    db.playgroundSession.count({ where: { userId } }),
    db.apiKey.count({ where: { userId, kind: "user", revokedAt: null } }),
  ]);
  return [
    { id: "provider-key", title: "Add a provider key", href: "/gateway/byok", done: credentials > 0 },
    { id: "playground", title: "Try the playground", href: "/playground", done: sessions > 0 },
    { id: "api-key", title: "Create a gateway API key", href: "/gateway/api-keys", done: apiKeys > 0 },
  ];
}
