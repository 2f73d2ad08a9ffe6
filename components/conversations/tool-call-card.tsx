import type { MessagePart } from "@/lib/conversations/document/conversation-document";

type ToolCallPart = Extract<MessagePart, { type: "tool_call" }>;

function prettyArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A tool call the model made: its name and arguments; `children` holds the answer form when it awaits one. */
export function ToolCallCard({
  part,
  result,
  children,
}: {
  part: ToolCallPart;
  result?: Extract<MessagePart, { type: "tool_result" }>;
  children?: React.ReactNode;
}) {
  return (
    <section
      aria-label={`Tool call ${part.name}`}
      className="rounded-md border border-sky-200 bg-sky-50/60 text-sm dark:border-sky-900 dark:bg-sky-950/30"
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-sky-200 px-3 py-1.5 dark:border-sky-900">
        <span className="font-medium text-sky-900 dark:text-sky-200">Tool call</span>
        <code className="font-mono text-xs">{part.name}</code>
        <code className="ml-auto font-mono text-[10px] text-zinc-600 dark:text-zinc-400">{part.id}</code>
      </header>
      <pre className="overflow-x-auto px-3 py-2 font-mono text-xs">{prettyArguments(part.arguments) || "{}"}</pre>
      {result && (
        <div className="border-t border-sky-200 px-3 py-2 dark:border-sky-900">
          <p className="text-xs font-medium">{result.isError ? "Error result" : "Result"}</p>
          <pre className="mt-1 overflow-x-auto font-mono text-xs whitespace-pre-wrap">{result.content}</pre>
        </div>
      )}
      {children}
    </section>
  );
}
