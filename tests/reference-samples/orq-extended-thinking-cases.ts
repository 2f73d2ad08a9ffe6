/**
 * orq-extended-thinking.md has no code fences, so its samples are kept verbatim as files under
 * `orq-extended-thinking/` (the test checks each still appears in the doc, and that every code
 * line of the doc is in one of them). `.ts.txt`: the samples are not meant to type-check.
 */
import {
  catalogDefaultMaxTokens,
  textBlock,
  thinkingFixtureBlock,
  thinkingFixtureMessage,
  translatedCall,
  userSays,
  assistantSays,
  type SampleCase,
} from "./sample-case";

/**
 * The doc's samples call `openai.chat.completions.create` without defining `openai`; this
 * defines it the way the docs' other samples define their client.
 */
export const openaiClientPrelude = `import OpenAI from "openai";

const openai = new OpenAI({
  apiKey: process.env.ORQ_API_KEY,
  baseURL: "https://api.orq.ai/v3/router",
});
`;

export const notRunnableExtendedThinking: Record<string, string> = {
  "choose-budget.ts.txt": "defines a getBudget helper and makes no request",
  "structured-prompts.ts.txt": "two prompt strings shown as good and vague wording, not a program",
};

const opus45 = "claude-opus-4-5-20251101";
const thinking = { type: "enabled", budget_tokens: 8000 };

export const runnableExtendedThinking: Record<string, SampleCase> = {
  "quick-start.curl.sh": {
    serves: "anthropic-thinking",
    receives: { model: `anthropic/${opus45}`, choices: [{ message: thinkingFixtureMessage, finish_reason: "stop" }] },
    upstream: [
      translatedCall({
        model: opus45,
        // budget 8000 ≥ max_tokens 2048: max_tokens is the answer's budget, 8000 + 2048 is sent.
        max_tokens: 10048,
        thinking,
        messages: [userSays("Design a distributed rate limiting system for 1M requests/second")],
      }),
    ],
  },
  "multi-turn-conversations.ts.txt": {
    serves: "anthropic-thinking",
    prelude: openaiClientPrelude,
    prints: "",
    receives: { choices: [{ message: thinkingFixtureMessage }] },
    upstream: [
      translatedCall({
        model: opus45,
        max_tokens: 10048,
        thinking,
        messages: [userSays("Design a rate limiting system")],
      }),
      translatedCall({
        model: opus45,
        max_tokens: 10048,
        thinking,
        messages: [
          userSays("Design a rate limiting system"),
          assistantSays(thinkingFixtureBlock, thinkingFixtureMessage.content),
          userSays("How would you handle 10M req/s?"),
        ],
      }),
    ],
  },
  "combine-with-prompt-caching.ts.txt": {
    serves: "anthropic-thinking",
    prelude: openaiClientPrelude,
    prints: "",
    receives: { choices: [{ message: thinkingFixtureMessage }] },
    upstream: [
      translatedCall({
        model: opus45,
        // No max_tokens: the catalog default is the answer's budget, on top of the thinking budget.
        max_tokens: 8000 + catalogDefaultMaxTokens(opus45),
        thinking,
        system: [textBlock("You are a system architect...", { cached: true })],
        messages: [userSays("Design a notification system")],
      }),
    ],
  },
};
