/**
 * What each client sample of orq-anthropic-integration.md must do against Switchyard. Keys are
 * `<section> › <tab title>` as extracted from the doc; the test fails when a TypeScript or
 * cURL sample is in none (or more than one) of these tables.
 */
import {
  assistantSays,
  cacheUsageFixtureUsage,
  catalogDefaultMaxTokens,
  passthroughCall,
  textBlock,
  thinkingFixtureMessage,
  translatedCall,
  userSays,
  type SampleCase,
  type SampleVariants,
} from "./sample-case";

/** The samples that call POST /v3/router/responses (the Responses API); all are in {@link runnableSamples}. */
export const responsesApiSamples = [
  "Quick Start › cURL",
  "Quick Start › TypeScript",
  "Chat Completion › cURL",
  "Chat Completion › TypeScript",
  "Streaming › TypeScript",
  "Tool Use (Function Calling) › TypeScript",
  "Multi-provider strategy › TypeScript",
];

/** Code blocks that are not programs, with the reason they are not run. */
export const notRunnable: Record<string, string> = {
  "Provider Options › TypeScript": 'a fragment of bare `model: "…"` lines to paste into a call, not a program',
  "Token Management › TypeScript": "defines a getMaxTokens helper and makes no request",
};

/**
 * Samples whose documented code cannot run as written; the test checks they still fail to parse,
 * so a fixed doc moves them back to {@link runnableSamples}.
 */
export const invalidInTheDoc: Record<string, string> = {
  "Multi-turn Conversations › cURL (Chat Completions)":
    "the apostrophe in \"Python's main features include...\" closes the single-quoted -d body, so bash stops with \"unexpected EOF\" (the Multi-turn Extended Thinking sample escapes it as '\\'')",
};

const quantumQuestion = "Explain quantum computing in simple terms";
const quantumAnswer = "Quantum computers use qubits, which can hold 0 and 1 at once.";
const rateLimitQuestion = "Design a distributed rate limiting system for 1M requests/second";

const quickStartChatCompletion: SampleCase = {
  serves: "anthropic-text",
  prints: `${quantumAnswer}\n`,
  upstream: [translatedCall({ model: "claude-sonnet-4-6", max_tokens: 1024, messages: [userSays(quantumQuestion)] })],
};

const extendedThinking: SampleCase = {
  serves: "anthropic-thinking",
  receives: { choices: [{ message: thinkingFixtureMessage, finish_reason: "stop" }] },
  upstream: [
    translatedCall({
      model: "claude-opus-4-6",
      // budget 8000 < max_tokens 16000: sent as given.
      max_tokens: 16000,
      thinking: { type: "enabled", budget_tokens: 8000 },
      messages: [userSays(rateLimitQuestion)],
    }),
  ],
};

const adaptiveThinking = {
  model: "claude-opus-4-6",
  max_tokens: 16000,
  thinking: { type: "adaptive" },
  messages: [userSays(rateLimitQuestion)],
};

const cacheUsage = { serves: "anthropic-cache-usage", receives: { usage: cacheUsageFixtureUsage } } as const;

const pythonSystemPrompt = "You are an expert Python developer with deep knowledge of best practices.";
const softwareEngineerSystemPrompt = [
  "You are an expert software engineer specializing in Python.",
  "Your responses should be:",
  "- Clear and concise",
  "- Include code examples",
  "- Follow PEP 8 style guidelines",
  "- Include error handling",
].join("\n");

const promptCaching = {
  model: "claude-sonnet-4-6",
  max_tokens: 1024,
  system: [textBlock(pythonSystemPrompt, { cached: true })],
  messages: [userSays("Write a function to parse JSON")],
};

const staticSystemPrompt = {
  model: "claude-sonnet-4-6",
  max_tokens: 1024,
  // The TypeScript template literal and the cURL "\n" escapes are the same text.
  system: [textBlock(softwareEngineerSystemPrompt, { cached: true })],
  messages: [userSays("How do I read a CSV file?")],
};

const sonnetDefaultMaxTokens = catalogDefaultMaxTokens("claude-sonnet-4-6");

/** Responses API: `input` as a string is one user text block; no max_output_tokens → the catalog default. */
const quickStartResponses: SampleCase = {
  serves: "anthropic-text",
  receives: {
    object: "response",
    status: "completed",
    model: "anthropic/claude-sonnet-4-6",
    output: [
      {
        type: "message",
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text: quantumAnswer }],
      },
    ],
    usage: { input_tokens: 14, output_tokens: 18, total_tokens: 32 },
  },
  upstream: [
    translatedCall({
      model: "claude-sonnet-4-6",
      max_tokens: sonnetDefaultMaxTokens,
      messages: [userSays(quantumQuestion)],
    }),
  ],
};
const quickStartResponsesTypeScript: SampleCase = { ...quickStartResponses, prints: `${quantumAnswer}\n` };

/** The Responses multi-provider sample: `fallbacks` is a top-level body field, as in the Chat Completions one. */
const multiProviderRequest = {
  model: "claude-sonnet-4-6",
  max_tokens: sonnetDefaultMaxTokens,
  messages: [userSays("...")],
};
const overloaded = { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" } as const;

const multiProviderResponses: SampleVariants = {
  variants: {
    "primary healthy: served by the primary, no fallback tried": {
      serves: "anthropic-text",
      prints: `${quantumAnswer}\n`,
      receives: { object: "response", model: "anthropic/claude-sonnet-4-6" },
      receivesHeaders: {
        "x-switchyard-model": /^anthropic\/claude-sonnet-4-6$/,
        "x-switchyard-attempts": /^anthropic\/claude-sonnet-4-6;status=200;ms=\d+$/,
      },
      upstream: [translatedCall(multiProviderRequest)],
    },
    "primary overloaded (529): aws/ is not usable and is skipped, anthropic/claude-opus-4-6 answers": {
      serves: "anthropic-text",
      failing: [
        {
          match: (request) => (request.body as { model?: string }).model === "claude-sonnet-4-6",
          scenario: overloaded,
        },
      ],
      prints: `${quantumAnswer}\n`,
      receives: { object: "response", model: "anthropic/claude-opus-4-6" },
      receivesHeaders: {
        "x-switchyard-model": /^anthropic\/claude-opus-4-6$/,
        "x-switchyard-attempts":
          /^anthropic\/claude-sonnet-4-6;status=503;[^,]*, aws\/anthropic\/claude-sonnet-4-6;status=400;[^,]*, anthropic\/claude-opus-4-6;status=200;ms=\d+$/,
      },
      upstream: [
        translatedCall(multiProviderRequest),
        translatedCall({
          ...multiProviderRequest,
          model: "claude-opus-4-6",
          max_tokens: catalogDefaultMaxTokens("claude-opus-4-6"),
        }),
      ],
    },
    "every Anthropic model overloaded: the SDK throws a 503 that names each model's failure, aws/ with what to configure":
      {
        serves: "anthropic-text",
        failing: [{ scenario: overloaded }],
        fails: {
          status: 503,
          stderr:
            /All 3 models failed\. anthropic\/claude-sonnet-4-6: [^|]*Overloaded[^|]* \| aws\/anthropic\/claude-sonnet-4-6: [^|]*Bedrock[^|]* \| anthropic\/claude-opus-4-6: [^|]*Overloaded/,
        },
        // The openai SDK retries a 503 twice (its default maxRetries): three rounds of sonnet, then opus.
        upstream: [1, 2, 3].flatMap(() => [
          translatedCall(multiProviderRequest),
          translatedCall({
            ...multiProviderRequest,
            model: "claude-opus-4-6",
            max_tokens: catalogDefaultMaxTokens("claude-opus-4-6"),
          }),
        ]),
      },
  },
};

export const runnableSamples: Record<string, SampleCase | SampleVariants> = {
  "Quick Start › cURL": quickStartResponses,
  "Quick Start › TypeScript": quickStartResponsesTypeScript,
  "Chat Completion › cURL": quickStartResponses,
  "Chat Completion › TypeScript": quickStartResponsesTypeScript,
  "Streaming › TypeScript": {
    // The sample writes the output_text deltas; pings between them must not reach the client.
    serves: "anthropic-pings",
    prints: "Hello there.",
    upstream: [
      translatedCall(
        { model: "claude-sonnet-4-6", max_tokens: sonnetDefaultMaxTokens, messages: [userSays("Tell me a story")] },
        { stream: true },
      ),
    ],
  },
  "Tool Use (Function Calling) › TypeScript": {
    serves: "anthropic-tool-use",
    prints: "",
    receives: {
      object: "response",
      status: "completed",
      output: [
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "Let me check the weather." }] },
        {
          type: "function_call",
          status: "completed",
          call_id: "toolu_01WeatherFixture",
          name: "get_weather",
          arguments: JSON.stringify({ location: "Tokyo", unit: "celsius" }),
        },
      ],
    },
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: sonnetDefaultMaxTokens,
        messages: [userSays("What's the weather in Tokyo?")],
        tools: [
          {
            name: "get_weather",
            description: "Get current weather for a location",
            input_schema: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
          },
        ],
      }),
    ],
  },
  "Multi-provider strategy › TypeScript": multiProviderResponses,
  "Quick Start › TypeScript (Chat Completions)": quickStartChatCompletion,
  "Chat Completion › TypeScript (Chat Completions)": quickStartChatCompletion,
  "Chat Completion › TypeScript (Anthropic SDK)": {
    serves: "anthropic-text",
    prints: `${quantumAnswer}\n`,
    upstream: [
      passthroughCall({
        model: "claude-sonnet-4-6",
        max_tokens: 1024,
        messages: [{ role: "user", content: quantumQuestion }],
      }),
    ],
  },
  "Streaming › TypeScript (Chat Completions)": {
    // Pings between the deltas must not reach the client.
    serves: "anthropic-pings",
    prints: "Hello there.",
    upstream: [
      translatedCall(
        { model: "claude-sonnet-4-6", max_tokens: 2048, messages: [userSays("Tell me a story")] },
        { stream: true },
      ),
    ],
  },
  "Prompt Caching › cURL (Chat Completions)": { ...cacheUsage, upstream: [translatedCall(promptCaching)] },
  "Prompt Caching › TypeScript (Chat Completions)": {
    ...cacheUsage,
    prints: "",
    upstream: [translatedCall(promptCaching)],
  },
  "Static System Prompts › cURL (Chat Completions)": { ...cacheUsage, upstream: [translatedCall(staticSystemPrompt)] },
  "Static System Prompts › TypeScript (Chat Completions)": {
    ...cacheUsage,
    prints: "",
    upstream: [translatedCall(staticSystemPrompt)],
  },
  "Large Document Context › cURL (Chat Completions)": {
    ...cacheUsage,
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: 1024,
        messages: [
          userSays(
            textBlock("Here is our API documentation:\n\n[Large documentation content here...]", { cached: true }),
            "How do I authenticate with the API?",
          ),
        ],
      }),
    ],
  },
  "Large Document Context › TypeScript (Chat Completions)": {
    ...cacheUsage,
    prints: "",
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: 1024,
        messages: [
          userSays(
            textBlock("Here is our API documentation:\n\nYour API documentation content goes here...", {
              cached: true,
            }),
            "How do I authenticate with the API?",
          ),
        ],
      }),
    ],
  },
  "Multi-turn Conversations › TypeScript (Chat Completions)": {
    ...cacheUsage,
    prints: "",
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: 1024,
        messages: [
          userSays("What is Python?"),
          assistantSays("Python is a high-level..."),
          userSays("What are its main features?"),
          assistantSays(textBlock("Python's main features include...", { cached: true })),
          userSays("Can you give me a code example?"),
        ],
      }),
    ],
  },
  "RAG with Document Collections › cURL (Chat Completions)": {
    ...cacheUsage,
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: 1024,
        system: [textBlock("You are a helpful assistant that answers based on provided context.")],
        messages: [
          userSays(
            textBlock("Context:\n[Retrieved document content here...]", { cached: true }),
            "Question: What is the main topic of these documents?",
          ),
        ],
      }),
    ],
  },
  "RAG with Document Collections › TypeScript (Chat Completions)": {
    ...cacheUsage,
    prints: "",
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: 1024,
        system: [textBlock("You are a helpful assistant that answers based on provided context.")],
        messages: [
          userSays(
            textBlock("Context:\nRetrieved document content goes here...", { cached: true }),
            "Question: What is the main topic of these documents?",
          ),
        ],
      }),
    ],
  },
  "Extended Thinking › cURL (Chat Completions)": extendedThinking,
  "Extended Thinking › TypeScript (Chat Completions)": { ...extendedThinking, prints: "" },
  "Multi-turn Extended Thinking › cURL (Chat Completions)": {
    serves: "anthropic-thinking",
    receives: { choices: [{ message: thinkingFixtureMessage }] },
    upstream: [
      translatedCall({
        model: "claude-opus-4-6",
        max_tokens: 16000,
        thinking: { type: "enabled", budget_tokens: 8000 },
        messages: [
          userSays("Design a rate limiting system"),
          // The reasoning part goes back as a thinking block, first and unmodified.
          assistantSays(
            { type: "thinking", thinking: "...", signature: "..." },
            "Here's a distributed rate limiting design...",
          ),
          userSays("How would you handle 10M req/s?"),
        ],
      }),
    ],
  },
  "Multi-turn Extended Thinking › TypeScript (Chat Completions)": {
    // Redacted thinking: the sample maps reasoning, redacted_reasoning and content back.
    serves: "anthropic-redacted-thinking",
    prints: "",
    receives: {
      choices: [
        {
          message: {
            content: "Here is my answer.",
            reasoning: "The visible part of the reasoning.",
            reasoning_signature: "EqQBCkYIBRgCIkBsig2Redacted==",
            redacted_reasoning:
              "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pRmRZQ==",
          },
        },
      ],
    },
    upstream: [
      translatedCall({
        model: "claude-opus-4-6",
        max_tokens: 16000,
        thinking: { type: "enabled", budget_tokens: 8000 },
        messages: [userSays("Design a rate limiting system")],
      }),
      translatedCall({
        model: "claude-opus-4-6",
        max_tokens: 16000,
        thinking: { type: "enabled", budget_tokens: 8000 },
        messages: [
          userSays("Design a rate limiting system"),
          assistantSays(
            {
              type: "thinking",
              thinking: "The visible part of the reasoning.",
              signature: "EqQBCkYIBRgCIkBsig2Redacted==",
            },
            {
              type: "redacted_thinking",
              data: "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pRmRZQ==",
            },
            "Here is my answer.",
          ),
          userSays("How would you handle 10M req/s?"),
        ],
      }),
    ],
  },
  "Combine with prompt caching for repeated contexts › TypeScript (Chat Completions)": {
    serves: "anthropic-thinking",
    prints: "",
    receives: { choices: [{ message: thinkingFixtureMessage }] },
    upstream: [
      translatedCall({
        model: "claude-opus-4-6",
        max_tokens: 16000,
        thinking: { type: "enabled", budget_tokens: 8000 },
        system: [textBlock("You are a system architect...", { cached: true })],
        messages: [userSays("Design a notification system")],
      }),
    ],
  },
  "Adaptive Thinking › cURL (Chat Completions)": {
    // Opus 4.6 may omit the thinking text and send only its signature.
    serves: "anthropic-thinking-signature-only",
    receives: {
      choices: [{ message: { content: "42.", reasoning_signature: "EqQBCkYIBRgCIkBsig3OmittedThinking==" } }],
    },
    upstream: [translatedCall(adaptiveThinking)],
  },
  "Adaptive Thinking › TypeScript (Chat Completions)": {
    serves: "anthropic-thinking",
    prints: `${thinkingFixtureMessage.content}\n`,
    upstream: [translatedCall(adaptiveThinking)],
  },
  "Image from URL › TypeScript (Chat Completions)": {
    serves: "anthropic-text",
    prints: "",
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: catalogDefaultMaxTokens("claude-sonnet-4-6"),
        messages: [
          userSays("What's in this image?", {
            type: "image",
            source: { type: "url", url: "https://example.com/image.jpg" },
          }),
        ],
      }),
    ],
  },
  "Image from Base64 › TypeScript (Chat Completions)": {
    serves: "anthropic-text",
    prints: "",
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: catalogDefaultMaxTokens("claude-sonnet-4-6"),
        messages: [
          userSays("What's in this image?", {
            type: "image",
            source: {
              type: "base64",
              media_type: "image/png",
              data: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
            },
          }),
        ],
      }),
    ],
  },
  "PDF Input › TypeScript (Chat Completions)": {
    serves: "anthropic-text",
    prints: "",
    upstream: [
      translatedCall({
        model: "claude-opus-4-6",
        max_tokens: 2048,
        messages: [
          userSays("Summarize this document", {
            type: "document",
            source: { type: "url", url: "https://example.com/document.pdf" },
          }),
        ],
      }),
    ],
  },
  "Tool Use (Function Calling) › TypeScript (Chat Completions)": {
    serves: "anthropic-tool-use",
    prints: "",
    receives: {
      choices: [
        {
          finish_reason: "tool_calls",
          message: {
            content: "Let me check the weather.",
            tool_calls: [
              {
                id: "toolu_01WeatherFixture",
                type: "function",
                // Non-streaming: Anthropic's `input` object, serialised.
                function: { name: "get_weather", arguments: JSON.stringify({ location: "Tokyo", unit: "celsius" }) },
              },
            ],
          },
        },
      ],
    },
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: catalogDefaultMaxTokens("claude-sonnet-4-6"),
        messages: [userSays("What's the weather in Tokyo?")],
        tools: [
          {
            name: "get_weather",
            description: "Get current weather for a location",
            input_schema: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
          },
        ],
      }),
    ],
  },
  "Multi-provider strategy › TypeScript (Chat Completions)": {
    // The primary is overloaded; this install has no Bedrock credential, so aws/ is skipped; anthropic/claude-opus-4-6 answers.
    // (tests/integration/gateway-provider-samples.test.ts runs it with Bedrock configured.)
    serves: "anthropic-text",
    failing: [
      {
        match: (request) => (request.body as { model?: string }).model === "claude-sonnet-4-6",
        scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
      },
    ],
    prints: `${quantumAnswer}\n`,
    receives: { model: "anthropic/claude-opus-4-6" },
    receivesHeaders: {
      "x-switchyard-model": /^anthropic\/claude-opus-4-6$/,
      "x-switchyard-attempts":
        /^anthropic\/claude-sonnet-4-6;status=503;.*aws\/anthropic\/claude-sonnet-4-6;status=400;.*anthropic\/claude-opus-4-6;status=200;/,
    },
    upstream: [
      translatedCall({
        model: "claude-sonnet-4-6",
        max_tokens: catalogDefaultMaxTokens("claude-sonnet-4-6"),
        messages: [userSays("...")],
      }),
      translatedCall({
        model: "claude-opus-4-6",
        max_tokens: catalogDefaultMaxTokens("claude-opus-4-6"),
        messages: [userSays("...")],
      }),
    ],
  },
};
