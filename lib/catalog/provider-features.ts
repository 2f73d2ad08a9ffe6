import type { GatewayProvider } from "./model-catalog";

/**
 * What differs between the platforms that serve Claude, as the gateway handles it (the table
 * in docs/providers.md explains each row). Model capabilities (thinking, vision, …) are the
 * same on every platform; these are properties of the platform's API.
 */
export type ProviderFeatures = {
  /** Image/PDF `url` sources: passed to the provider, or fetched by the gateway and sent as base64. */
  urlSources: "native" | "fetched_by_gateway";
  /** Files API `file` sources (`file_id`). */
  filesApi: boolean;
  /** The MCP connector (`mcp_servers`). */
  mcpConnector: boolean;
  /** POST /v1/messages/count_tokens. */
  countTokens: boolean;
  /** How `anthropic-beta` flags reach the provider. */
  betas: "header" | "body";
};

export const providerFeatures: Record<GatewayProvider, ProviderFeatures> = {
  anthropic: { urlSources: "native", filesApi: true, mcpConnector: true, countTokens: true, betas: "header" },
  aws: { urlSources: "fetched_by_gateway", filesApi: false, mcpConnector: false, countTokens: true, betas: "body" },
  google: {
    urlSources: "fetched_by_gateway",
    filesApi: false,
    mcpConnector: false,
    countTokens: true,
    betas: "header",
  },
};
