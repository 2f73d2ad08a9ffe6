import { modelCatalog, providerPrefixes, resolveGatewayModel, type GatewayProvider } from "@/lib/catalog/model-catalog";
import { SAMPLE_PDF_DATA_URI, SAMPLE_PNG_DATA_URI } from "./sample-attachments";

/** One ready-to-run request on the Quickstart page. */
export type QuickstartExample = {
  id: "chat" | "streaming" | "thinking" | "attachments" | "tools" | "fallbacks";
  title: string;
  description: string;
  /** A Chat Completions body for POST /v3/router/chat/completions. */
  request: Record<string, unknown>;
};

export type QuickstartModelOption = { gatewayModelId: string; label: string };
export type QuickstartModelGroup = { provider: GatewayProvider; label: string; models: QuickstartModelOption[] };

const PROVIDER_LABELS: Record<GatewayProvider, string> = {
  anthropic: "Anthropic API",
  aws: "Amazon Bedrock",
  google: "Google Vertex AI",
};

export const DEFAULT_QUICKSTART_MODEL = "anthropic/claude-sonnet-4-6";

/** Every catalog model that is not deprecated, under each provider prefix. */
export function quickstartModelGroups(): QuickstartModelGroup[] {
  const models = modelCatalog.filter((entry) => entry.lifecycle !== "deprecated");
  return (Object.keys(providerPrefixes) as GatewayProvider[]).map((provider) => ({
    provider,
    label: PROVIDER_LABELS[provider],
    models: models.map((entry) => ({
      gatewayModelId: `${providerPrefixes[provider]}${entry.id}`,
      label: `${entry.displayName} (${providerPrefixes[provider]}${entry.id})`,
    })),
  }));
}

/**
 * The examples that make sense for a model, following the catalog's capabilities: thinking
 * in the mode the model supports, attachments only with vision and PDF support, tools only
 * when it takes them. Each is a request the gateway accepts for that model.
 */
export function quickstartExamples(gatewayModelId: string): QuickstartExample[] {
  const model = resolveGatewayModel(gatewayModelId);
  if (!model) return [];
  const { capabilities } = model;
  const base = { model: gatewayModelId };
  const examples: QuickstartExample[] = [
    {
      id: "chat",
      title: "Chat",
      description: "A system prompt and one question: the smallest complete request.",
      request: {
        ...base,
        messages: [
          { role: "system", content: "You are a concise technical writer." },
          { role: "user", content: "Explain quantum computing in simple terms." },
        ],
        max_tokens: 1024,
      },
    },
    {
      id: "streaming",
      title: "Streaming",
      description: "Tokens as they are generated, with a final usage chunk.",
      request: {
        ...base,
        messages: [{ role: "user", content: "Write a haiku about train yards." }],
        max_tokens: 512,
        stream: true,
        stream_options: { include_usage: true },
      },
    },
  ];
  const thinking = capabilities.thinking.adaptive
    ? { thinking: { type: "adaptive" }, max_tokens: 16000 }
    : capabilities.thinking.manual
      ? { thinking: { type: "enabled", budget_tokens: 8000 }, max_tokens: 16000 }
      : undefined;
  if (thinking) {
    examples.push({
      id: "thinking",
      title: "Extended thinking",
      description: capabilities.thinking.adaptive
        ? "Adaptive thinking: Claude decides how much to think. The answer carries its reasoning and signature."
        : "Manual thinking with an 8,000-token budget. The answer carries its reasoning and signature.",
      request: {
        ...base,
        messages: [{ role: "user", content: "Design a rate limiter for 1M requests per second." }],
        ...thinking,
      },
    });
  }
  if (capabilities.vision && capabilities.pdf) {
    examples.push({
      id: "attachments",
      title: "Image and PDF, cached for an hour",
      description: "A PNG and a PDF as base64 data URIs, with the system prompt marked as a 1-hour cache breakpoint.",
      request: {
        ...base,
        messages: [
          {
            role: "system",
            content: [
              {
                type: "text",
                text: "You read financial documents carefully.",
                cache_control: { type: "ephemeral", ttl: "1h" },
              },
            ],
          },
          {
            role: "user",
            content: [
              { type: "image_url", image_url: { url: SAMPLE_PNG_DATA_URI } },
              { type: "file", file: { file_data: SAMPLE_PDF_DATA_URI, filename: "q3-report.pdf" } },
              { type: "text", text: "What color is the dot, and what revenue does the report state?" },
            ],
          },
        ],
        max_tokens: 1024,
      },
    });
  }
  if (capabilities.tools) {
    examples.push({
      id: "tools",
      title: "Tool use",
      description: "A function tool Claude may call; answer its call with a tool message and call again.",
      request: {
        ...base,
        messages: [{ role: "user", content: "What's the weather in Paris?" }],
        tools: [
          {
            type: "function",
            function: {
              name: "get_weather",
              description: "Current weather for a city",
              parameters: {
                type: "object",
                properties: { location: { type: "string", description: "City and country, e.g. Paris, France" } },
                required: ["location"],
              },
            },
          },
        ],
        tool_choice: "auto",
        max_tokens: 1024,
      },
    });
  }
  const alternatives = (Object.keys(providerPrefixes) as GatewayProvider[])
    .filter((provider) => provider !== model.provider)
    .map((provider) => ({ model: `${providerPrefixes[provider]}${model.modelId}` }));
  examples.push({
    id: "fallbacks",
    title: "Fallbacks across providers",
    description: "If the first model fails (overloaded, rate limited), the gateway tries the next one.",
    request: {
      ...base,
      messages: [{ role: "user", content: "Summarize the plot of Hamlet in two sentences." }],
      max_tokens: 512,
      fallbacks: alternatives,
    },
  });
  return examples;
}
