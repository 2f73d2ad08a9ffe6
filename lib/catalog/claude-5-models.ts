import { allEffortLevels, bedrockIds, claudeCapabilities, standardPricing } from "./catalog-entry-helpers";
import type { ModelCatalogEntry } from "./model-catalog-schema";

const adaptiveOnly = claudeCapabilities({
  thinking: { manual: false, adaptive: true },
  effortLevels: allEffortLevels,
  samplingParameters: false,
});

/** Adaptive thinking that cannot be disabled; forcing a tool is rejected. */
const alwaysThinking = claudeCapabilities({
  thinking: { manual: false, adaptive: true, alwaysOn: true },
  effortLevels: allEffortLevels,
  samplingParameters: false,
  forcedToolChoice: false,
});

const samplingNote = "Sampling parameters assumed removed, as from Opus 4.7 on.";

type Claude5Fields = Pick<ModelCatalogEntry, "id" | "displayName" | "family" | "lifecycle" | "releasedAt"> &
  Partial<ModelCatalogEntry>;

/** Every Claude 5 model has a 1M context window and 128K output (Anthropic's lineup table). */
function claude5Model(fields: Claude5Fields): ModelCatalogEntry {
  return {
    aliases: [],
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    defaultMaxTokens: 16_384,
    minimumCacheableTokens: 512,
    capabilities: adaptiveOnly,
    pricing: standardPricing(5, 25),
    strengths: "",
    bestFor: "",
    bedrock: bedrockIds(`anthropic.${fields.id}`),
    vertex: { modelId: fields.id },
    dataNotes: samplingNote,
    ...fields,
  };
}

/**
 * The Claude 5 family as listed by @anthropic-ai/sdk 1.12's `Model` type.
 * @see https://platform.claude.com/docs/en/models/opus-5-5/overview
 */
export const claude5Models: ModelCatalogEntry[] = [
  claude5Model({
    id: "claude-fable-5-2",
    displayName: "Claude Fable 5.2",
    family: "fable",
    lifecycle: "active",
    releasedAt: "2026-11-01",
    capabilities: alwaysThinking,
    pricing: standardPricing(10, 50),
    strengths: "Frontier intelligence, always-on adaptive thinking",
    bestFor: "The hardest reasoning and research problems",
    dataNotes: `Release date, limits and pricing assumed equal to Fable 5.1. ${samplingNote}`,
  }),
  claude5Model({
    id: "claude-mythos-5-2",
    displayName: "Claude Mythos 5.2",
    family: "mythos",
    lifecycle: "preview",
    releasedAt: "2026-11-01",
    capabilities: alwaysThinking,
    pricing: standardPricing(10, 50),
    strengths: "Fable-class model for defensive cybersecurity (verified organisations only)",
    bestFor: "Security research under Anthropic's verification programs",
    dataNotes: `Assumed to share Fable 5.2's specifications and pricing. ${samplingNote}`,
  }),
  claude5Model({
    id: "claude-haiku-5-5",
    displayName: "Claude Haiku 5.5",
    family: "haiku",
    lifecycle: "active",
    releasedAt: "2026-10-20",
    minimumCacheableTokens: 1024,
    pricing: standardPricing(0.1, 0.5),
    strengths: "Fastest model, 1M context, adaptive thinking",
    bestFor: "High-volume chat, classification, sub-agents",
    dataNotes: `Anthropic lists pricing "from $0.10 / $0.50"; the base tier is used. Cache minimum assumed. ${samplingNote}`,
  }),
  claude5Model({
    id: "claude-sonnet-5-5",
    displayName: "Claude Sonnet 5.5",
    family: "sonnet",
    lifecycle: "active",
    releasedAt: "2026-09-29",
    minimumCacheableTokens: 1024,
    capabilities: { ...adaptiveOnly, forcedToolChoice: false },
    pricing: standardPricing(2, 10),
    strengths: "Best combination of speed and intelligence",
    bestFor: "Everyday coding, documents, spreadsheets",
    dataNotes: `Cache minimum assumed equal to Sonnet 5. ${samplingNote}`,
  }),
  claude5Model({
    id: "claude-fable-5-1",
    displayName: "Claude Fable 5.1",
    family: "fable",
    lifecycle: "active",
    releasedAt: "2026-09-15",
    capabilities: alwaysThinking,
    pricing: standardPricing(10, 50),
    strengths: "Frontier intelligence, always-on adaptive thinking",
    bestFor: "The hardest reasoning and research problems",
    dataNotes: `Release date approximate; cache minimum assumed equal to Fable 5. ${samplingNote}`,
  }),
  claude5Model({
    id: "claude-opus-5-5",
    displayName: "Claude Opus 5.5",
    family: "opus",
    lifecycle: "active",
    releasedAt: "2026-09-29",
    capabilities: alwaysThinking,
    pricing: standardPricing(4, 20, { cacheReadPerMillionTokens: 0.2 }),
    strengths: "Long-running agentic coding and knowledge work",
    bestFor: "Agents, multi-hour coding tasks",
    dataNotes: `Cache minimum assumed equal to Opus 5. ${samplingNote}`,
  }),
  claude5Model({
    id: "claude-mythos-5-1",
    displayName: "Claude Mythos 5.1",
    family: "mythos",
    lifecycle: "preview",
    releasedAt: "2026-09-15",
    capabilities: alwaysThinking,
    pricing: standardPricing(10, 50),
    strengths: "Fable-class model for defensive cybersecurity (verified organisations only)",
    bestFor: "Security research under Anthropic's verification programs",
    dataNotes: `Shares Fable 5.1's specifications and pricing. ${samplingNote}`,
  }),
  claude5Model({
    id: "claude-sonnet-5",
    displayName: "Claude Sonnet 5",
    family: "sonnet",
    lifecycle: "legacy",
    releasedAt: "2026-06-30",
    minimumCacheableTokens: 1024,
    pricing: standardPricing(2, 10),
    strengths: "Fast, adaptive thinking, 1M context",
    bestFor: "Most tasks, coding",
  }),
  claude5Model({
    id: "claude-fable-5",
    displayName: "Claude Fable 5",
    family: "fable",
    lifecycle: "legacy",
    releasedAt: "2026-06-09",
    capabilities: { ...alwaysThinking, forcedToolChoice: true },
    pricing: standardPricing(10, 50),
    strengths: "Frontier intelligence above Opus",
    bestFor: "The hardest reasoning and research problems",
  }),
  claude5Model({
    id: "claude-mythos-5",
    displayName: "Claude Mythos 5",
    family: "mythos",
    lifecycle: "preview",
    releasedAt: "2026-06-09",
    capabilities: { ...alwaysThinking, forcedToolChoice: true },
    pricing: standardPricing(10, 50),
    strengths: "Fable-class model for defensive cybersecurity (verified organisations only)",
    bestFor: "Security research under Anthropic's verification programs",
  }),
  claude5Model({
    id: "claude-opus-5",
    displayName: "Claude Opus 5",
    family: "opus",
    lifecycle: "legacy",
    releasedAt: "2026-07-24",
    pricing: standardPricing(5, 25),
    strengths: "Deep reasoning, long-horizon agents, test-time compute scaling",
    bestFor: "Complex agentic coding and enterprise work",
  }),
];
