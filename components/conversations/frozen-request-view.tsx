import { Badge } from "@/components/ui/badge";
import type {
  AttachmentMeta,
  PlaygroundSettings,
  StoredMessage,
} from "@/lib/conversations/document/conversation-document";

function thinkingLabel(thinking: PlaygroundSettings["thinking"]): string {
  switch (thinking.mode) {
    case "off":
      return "Off";
    case "adaptive":
      return thinking.effort ? `Adaptive, effort ${thinking.effort}` : "Adaptive";
    case "manual":
      return `Manual, budget ${thinking.budgetTokens.toLocaleString("en-US")} tokens`;
    default: {
      const exhaustive: never = thinking;
      return String(exhaustive);
    }
  }
}

/** Every cache breakpoint in prompt order: the system prompt, attachments, whole messages. */
export function cacheBreakpointLabels(
  settings: PlaygroundSettings,
  messages: readonly StoredMessage[],
  attachments: ReadonlyMap<string, AttachmentMeta>,
) {
  const labels: Array<{ label: string; ttl: string }> = [];
  if (settings.systemCache && settings.systemPrompt.trim())
    labels.push({ label: "System prompt", ttl: settings.systemCache.ttl });
  for (const message of messages) {
    for (const part of message.parts) {
      if (part.type === "attachment" && part.cache)
        labels.push({ label: attachments.get(part.attachmentId)?.fileName ?? "Attachment", ttl: part.cache.ttl });
    }
    if (message.cache) labels.push({ label: `Message ${message.position + 1}`, ttl: message.cache.ttl });
  }
  return labels;
}

/** The whole request a shared session froze: model, thinking, cache breakpoints, parameters, tools, system prompt. */
export function FrozenRequestView({
  model,
  settings,
  messages,
  attachments,
}: {
  model: string;
  settings: PlaygroundSettings;
  messages: readonly StoredMessage[];
  attachments: ReadonlyMap<string, AttachmentMeta>;
}) {
  const { parameters } = settings;
  const breakpoints = cacheBreakpointLabels(settings, messages, attachments);
  const rows: Array<[string, React.ReactNode]> = [
    [
      "Model",
      <code key="model" className="font-mono text-xs">
        {model}
      </code>,
    ],
    ["Thinking", thinkingLabel(settings.thinking)],
    [
      "Cache breakpoints",
      breakpoints.length === 0 ? (
        "None"
      ) : (
        <ul key="cache" className="space-y-0.5">
          {breakpoints.map((breakpoint, index) => (
            <li key={index} className="flex items-center gap-1.5">
              <span className="min-w-0 break-words">{breakpoint.label}</span>
              <Badge tone="accent">TTL {breakpoint.ttl}</Badge>
            </li>
          ))}
        </ul>
      ),
    ],
    ["Max tokens", parameters.maxTokens?.toLocaleString("en-US") ?? "Default"],
    ["Temperature", parameters.temperature ?? "Default"],
    ["Top P", parameters.topP ?? "Default"],
    ["Top K", parameters.topK ?? "Default"],
    [
      "Stop sequences",
      parameters.stopSequences.length
        ? parameters.stopSequences.map((stop) => JSON.stringify(stop)).join(", ")
        : "None",
    ],
  ];
  return (
    <section
      aria-label="Request settings"
      className="space-y-4 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
    >
      <h2 className="font-semibold">Request</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-1">
        <h3 className="flex items-center gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          System prompt{" "}
          {settings.systemCache && settings.systemPrompt.trim() && (
            <Badge tone="accent">Cache {settings.systemCache.ttl}</Badge>
          )}
        </h3>
        {settings.systemPrompt.trim() ? (
          <pre
            aria-label="System prompt"
            className="max-h-60 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-900"
          >
            {settings.systemPrompt}
          </pre>
        ) : (
          <p className="text-zinc-600 dark:text-zinc-400">None</p>
        )}
      </div>
      <div className="space-y-1">
        <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Tools</h3>
        {settings.tools.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">None</p>
        ) : (
          settings.tools.map((tool) => (
            <details key={tool.name} className="rounded-md border border-zinc-200 dark:border-zinc-800">
              <summary className="cursor-pointer px-2 py-1 font-mono text-xs">{tool.name}</summary>
              {tool.description && <p className="px-2 text-xs text-zinc-600 dark:text-zinc-400">{tool.description}</p>}
              <pre className="overflow-x-auto px-2 py-1 font-mono text-[11px]">
                {JSON.stringify(tool.parameters, null, 2)}
              </pre>
            </details>
          ))
        )}
      </div>
    </section>
  );
}
