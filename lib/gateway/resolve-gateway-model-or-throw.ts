import {
  providerPrefixes,
  resolveGatewayModel,
  type ResolvedGatewayModel,
  type ResolveGatewayModelOptions,
} from "@/lib/catalog/model-catalog";
import { InvalidRequestError } from "./gateway-error";

/**
 * {@link resolveGatewayModel}, or a 400 saying which prefixes exist. `param` names the field the
 * id came from (`model`, `fallbacks[0].model`).
 */
export function resolveGatewayModelOrThrow(
  gatewayModelId: string,
  options: ResolveGatewayModelOptions & { param?: string } = {},
): ResolvedGatewayModel {
  const resolved = resolveGatewayModel(gatewayModelId, options);
  if (resolved) return resolved;
  const prefixes = Object.values(providerPrefixes).join(", ");
  throw new InvalidRequestError(
    `Unknown model "${gatewayModelId}": prefix the model id with one of ${prefixes} (GET /v3/router/models lists the catalog).`,
    { param: options.param ?? "model", code: "model_not_found" },
  );
}
