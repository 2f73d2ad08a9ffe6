import { SAMPLE_PDF_BASE64, SAMPLE_PDF_DATA_URI, SAMPLE_PNG_DATA_URI } from "@/lib/view-code/sample-attachments";

/**
 * Chat Completions bodies as the playground sends them, shared by the generator's unit tests
 * and the test that runs the snippets against the app. Signatures are long (like real ones),
 * so the default rendering abbreviates them.
 */

export const SAMPLE_SIGNATURE = `EqQBCkYIBRgCIkB${"sig1ThinkingFixture".repeat(12)}==`;
export const SAMPLE_REDACTED_THINKING = `EmwKAhgBEgy${"RedactedThinkingFixture".repeat(10)}=`;

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: {
      type: "object",
      properties: { location: { type: "string", description: "City and country, e.g. Paris, France" } },
      required: ["location"],
      additionalProperties: false,
    },
  },
};

export type ViewCodeTestRequest = { name: string; body: Record<string, unknown> };

export const viewCodeTestRequests = {
  plainText: {
    name: "plain text",
    body: {
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "Explain quantum computing in simple terms" }],
      max_tokens: 1024,
    },
  },
  awkwardText: {
    name: "text that is awkward in shells and source code",
    body: {
      model: "anthropic/claude-haiku-4-5-20251001",
      messages: [
        {
          role: "developer",
          content: "Don't use `backticks`; it's \"fine\" otherwise.\nJSON\n$HOME ${PATH} \\n \\ 'single'",
        },
        {
          role: "user",
          content: "Multi-line\n\tinput with émoji 🚀, a line that is just JSON:\nJSON\nand '; rm -rf / #",
        },
      ],
      temperature: 0.2,
      top_k: 40,
      stop: ["\n\nHuman:", "END"],
      max_tokens: 256,
      user: "user-42",
    },
  },
  thinkingMultiTurn: {
    name: "manual thinking, second turn with reasoning parts and signatures",
    body: {
      model: "anthropic/claude-opus-4-6",
      messages: [
        { role: "system", content: "You are a system architect." },
        { role: "user", content: "Design a rate limiting system" },
        {
          role: "assistant",
          content: [
            {
              type: "reasoning",
              reasoning: "A token bucket per client, sharded by client id.",
              signature: SAMPLE_SIGNATURE,
            },
            { type: "redacted_reasoning", data: SAMPLE_REDACTED_THINKING },
            { type: "text", text: "Here's a distributed rate limiting design..." },
          ],
        },
        { role: "user", content: "How would you handle 10M req/s?" },
      ],
      thinking: { type: "enabled", budget_tokens: 8000 },
      max_tokens: 16000,
    },
  },
  adaptiveThinking: {
    name: "adaptive thinking with effort",
    body: {
      model: "anthropic/claude-opus-4-6",
      messages: [{ role: "user", content: "Prove that there are infinitely many primes." }],
      thinking: { type: "adaptive", effort: "high" },
      max_tokens: 32000,
    },
  },
  attachmentsWithCache: {
    name: "PNG and PDF attachments with a 1h cache breakpoint",
    body: {
      model: "anthropic/claude-sonnet-4-6",
      messages: [
        {
          role: "system",
          content: [
            { type: "text", text: "You read financial documents.", cache_control: { type: "ephemeral", ttl: "1h" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: SAMPLE_PNG_DATA_URI } },
            {
              type: "file",
              file: { file_data: SAMPLE_PDF_DATA_URI, filename: "q3-report.pdf" },
              cache_control: { type: "ephemeral", ttl: "1h" },
            },
            { type: "document", document: { type: "pdf", data: SAMPLE_PDF_BASE64, title: "Q3 appendix" } },
            { type: "image_url", image_url: { url: "https://example.com/chart.png" } },
            { type: "text", text: "What does the report say about revenue?", cache_control: { type: "ephemeral" } },
          ],
        },
      ],
      max_tokens: 2048,
    },
  },
  toolResultTurn: {
    name: "tools and a tool result turn",
    body: {
      model: "anthropic/claude-sonnet-4-6",
      messages: [
        { role: "user", content: "What's the weather in Paris?" },
        {
          role: "assistant",
          content: "Let me check.",
          tool_calls: [
            {
              id: "toolu_01A",
              type: "function",
              function: { name: "get_weather", arguments: '{"location":"Paris, France"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "toolu_01A", content: '{"temperature_c":18,"conditions":"light rain"}' },
      ],
      tools: [weatherTool],
      tool_choice: "auto",
      max_tokens: 1024,
    },
  },
  structuredOutput: {
    name: "structured output with a JSON schema",
    body: {
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "Extract: Ada Lovelace, born 1815." }],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "person",
          schema: {
            type: "object",
            properties: { name: { type: "string" }, born: { type: "integer" } },
            required: ["name", "born"],
            additionalProperties: false,
          },
        },
      },
      max_tokens: 256,
    },
  },
  streaming: {
    name: "streaming with usage and fallbacks",
    body: {
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "Write a haiku about gateways." }],
      max_tokens: 512,
      stream: true,
      stream_options: { include_usage: true },
      fallbacks: [{ model: "anthropic/claude-haiku-4-5-20251001" }],
    },
  },
} satisfies Record<string, ViewCodeTestRequest>;
