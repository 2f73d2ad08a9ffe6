import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { resolveGatewayModelOrThrow } from "../core/resolve-gateway-model-or-throw";

/** The requested model and its fallbacks, resolved up front so a bad id is a 400 before any upstream call. */
export function resolveCandidates(model: string, fallbacks: string[]): ResolvedGatewayModel[] {
  return [
    resolveGatewayModelOrThrow(model, { param: "model" }),
    ...fallbacks.map((fallback, index) => resolveGatewayModelOrThrow(fallback, { param: `fallbacks[${index}].model` })),
  ];
}
