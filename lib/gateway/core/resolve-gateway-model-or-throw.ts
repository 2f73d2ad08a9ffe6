import {
  providerPrefixes,
  resolveGatewayModel,
  type ResolvedGatewayModel,
  type ResolveGatewayModelOptions,
} from "@/lib/catalog/model-catalog";
import { gatewayModelIdProblem } from "./gateway-model-id-syntax";
import { InvalidRequestError } from "./gateway-error";

/**
 * {@link resolveGatewayModel}, or a 400: for an id that is not well formed (the id is not
 * repeated), or one under no known prefix (saying which exist). `param` names the field the id
 * came from (`model`, `fallbacks[0].model`). Every endpoint resolves its models, fallbacks
 * included, through here.
 */
export function resolveGatewayModelOrThrow(
  gatewayModelId: string,
  options: ResolveGatewayModelOptions & { param?: string } = {},
): ResolvedGatewayModel {
  const param = options.param ?? "model";
  const problem = gatewayModelIdProblem(gatewayModelId);
  if (problem)
    throw new InvalidRequestError(`Invalid model id in '${param}': ${problem}.`, { param, code: "invalid_model_id" });
  const resolved = resolveGatewayModel(gatewayModelId, options);
  if (resolved) return resolved;
  const prefixes = Object.values(providerPrefixes).join(", ");
  throw new InvalidRequestError(
    `Unknown model "${gatewayModelId}": prefix the model id with one of ${prefixes} (GET /v3/router/models lists the catalog).`,
    { param, code: "model_not_found" },
  );
}
