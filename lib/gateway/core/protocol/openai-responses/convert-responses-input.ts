import { InvalidRequestError } from "../../gateway-error";
import type {
  AnthropicAssistantContentBlock,
  AnthropicCacheControl,
  AnthropicImageBlock,
  AnthropicMessageParam,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
  AnthropicUserContentBlock,
} from "../../anthropic/anthropic-request";
import { convertUserContentPart, toCacheControl } from "../openai-chat/convert-user-content-part";
import type {
  AssistantContentPart,
  FunctionCallItem,
  FunctionCallOutputItem,
  InputContentPart,
  InputItem,
} from "./openai-responses-request-schema";
import { thinkingBlockFromReasoningItem } from "./reasoning-item-content";
import { withResponsesParams } from "./with-responses-params";

/**
 * `instructions` + `input` → Anthropic `system` + `messages`.
 * - `instructions`, then system/developer messages (wherever they appear) → system blocks;
 * - user messages and `function_call_output` items → user turns (tool_result blocks);
 * - assistant messages, `reasoning` and `function_call` items → assistant turns, in item order,
 *   so a previous `response.output` handed back verbatim rebuilds the exact block sequence
 *   (thinking blocks with their signatures, text, tool_use);
 * - consecutive items of the same role merge into one turn, as Anthropic requires.
 * Media rules (data URIs, URLs, PDFs, supported types) are Chat Completions' own.
 */
export function convertResponsesInput(
  input: string | InputItem[],
  instructions: string | null | undefined,
): { system: AnthropicTextBlock[]; messages: AnthropicMessageParam[] } {
  const system: AnthropicTextBlock[] = instructions ? [{ type: "text", text: instructions }] : [];
  const messages: AnthropicMessageParam[] = [];

  const append = (message: AnthropicMessageParam) => {
    if (message.content.length === 0) return;
    const previous = messages.at(-1);
    if (previous?.role === "user" && message.role === "user") previous.content.push(...message.content);
    else if (previous?.role === "assistant" && message.role === "assistant") previous.content.push(...message.content);
    else messages.push(message);
  };

  if (typeof input === "string") {
    if (input) append({ role: "user", content: [{ type: "text", text: input }] });
    return { system, messages };
  }

  input.forEach((item, itemIndex) => {
    const param = `input[${itemIndex}]`;
    switch (item.type) {
      case "message": {
        const itemCacheControl = toCacheControl(item.cache_control).cache_control;
        switch (item.role) {
          case "system":
          case "developer":
            system.push(...withCacheControl(textBlocks(item.content), itemCacheControl));
            break;
          case "user": {
            const content =
              typeof item.content === "string"
                ? textBlocks(item.content)
                : item.content
                    .map((part, partIndex) => convertInputContentPart(part, `${param}.content[${partIndex}]`))
                    .filter((block) => block.type !== "text" || block.text !== "");
            append({ role: "user", content: withCacheControl(content, itemCacheControl) });
            break;
          }
          case "assistant":
            append({
              role: "assistant",
              content: withCacheControl(assistantTextBlocks(item.content), itemCacheControl),
            });
            break;
          default: {
            const exhaustive: never = item;
            throw new Error(`unhandled message ${JSON.stringify(exhaustive)}`);
          }
        }
        break;
      }
      case "reasoning": {
        const block = thinkingBlockFromReasoningItem(item);
        if (block) append({ role: "assistant", content: [block] });
        break;
      }
      case "function_call":
        append({ role: "assistant", content: [toolUseBlock(item, `${param}.arguments`)] });
        break;
      case "function_call_output":
        append({ role: "user", content: [toolResultBlock(item, param)] });
        break;
      case "item_reference":
        throw new InvalidRequestError(
          "Item references are not supported: this gateway does not store responses or items. Send the items themselves (a previous response's output items can be passed back as input as-is).",
          { param: `${param}.type`, code: "stored_items_not_supported" },
        );
      default: {
        const exhaustive: never = item;
        throw new Error(`unhandled input item ${JSON.stringify(exhaustive)}`);
      }
    }
  });

  return { system, messages };
}

/**
 * One input content part → one Anthropic block, through Chat Completions' media rules:
 * `input_image` is an `image_url` part, `input_file` a `file` part (`file_data`) or a PDF
 * `document` part (`file_url`).
 */
export function convertInputContentPart(part: InputContentPart, param: string): AnthropicUserContentBlock {
  switch (part.type) {
    case "input_text":
      return { type: "text", text: part.text, ...toCacheControl(part.cache_control) };
    case "input_image": {
      const url = part.image_url;
      if (!url) {
        throw new InvalidRequestError(
          part.file_id
            ? "file_id references are not supported; send image_url as an http(s) URL or a base64 data: URI."
            : "input_image needs an image_url.",
          { param: `${param}.image_url`, code: part.file_id ? "unsupported_file_id" : null },
        );
      }
      return withResponsesParams({ [`${param}.image_url.url`]: `${param}.image_url` }, () =>
        convertUserContentPart({ type: "image_url", image_url: { url }, cache_control: part.cache_control }, param),
      );
    }
    case "input_file": {
      const renames = {
        [`${param}.file.file_data`]: `${param}.file_data`,
        [`${param}.document.url`]: `${param}.file_url`,
      };
      return withResponsesParams(renames, () =>
        part.file_url && !part.file_data
          ? convertUserContentPart(
              {
                type: "document",
                document: { type: "pdf", url: part.file_url, title: part.filename },
                cache_control: part.cache_control,
              },
              param,
            )
          : convertUserContentPart(
              {
                type: "file",
                file: { file_data: part.file_data, file_id: part.file_id, filename: part.filename },
                cache_control: part.cache_control,
              },
              param,
            ),
      );
    }
    default: {
      const exhaustive: never = part;
      throw new Error(`unhandled content part ${JSON.stringify(exhaustive)}`);
    }
  }
}

function textBlocks(
  content: string | Array<{ text: string; cache_control?: AnthropicCacheControl | null }>,
): AnthropicTextBlock[] {
  if (typeof content === "string") return content ? [{ type: "text", text: content }] : [];
  return content
    .filter((part) => part.text !== "")
    .map((part) => ({ type: "text", text: part.text, ...toCacheControl(part.cache_control) }));
}

function assistantTextBlocks(content: string | AssistantContentPart[]): AnthropicTextBlock[] {
  if (typeof content === "string") return textBlocks(content);
  return textBlocks(content.map((part) => (part.type === "refusal" ? { text: part.refusal } : part)));
}

/** A message-level `cache_control` applies to the message's last block without its own. */
function withCacheControl<Block extends { cache_control?: AnthropicCacheControl }>(
  blocks: Block[],
  cacheControl: AnthropicCacheControl | undefined,
): Block[] {
  const last = blocks.at(-1);
  if (cacheControl && last && !last.cache_control) last.cache_control = cacheControl;
  return blocks;
}

function toolUseBlock(item: FunctionCallItem, param: string): AnthropicAssistantContentBlock {
  let input: unknown = {};
  if (item.arguments.trim() !== "") {
    try {
      input = JSON.parse(item.arguments);
    } catch {
      throw new InvalidRequestError("function_call arguments must be a JSON object string.", { param });
    }
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidRequestError("function_call arguments must be a JSON object.", { param });
  }
  return { type: "tool_use", id: item.call_id, name: item.name, input: input as Record<string, unknown> };
}

/** Tool output: a string, or text and image parts (what an Anthropic tool_result can hold). */
function toolResultBlock(item: FunctionCallOutputItem, param: string): AnthropicToolResultBlock {
  const content =
    typeof item.output === "string"
      ? item.output
      : item.output.map((part, partIndex): AnthropicTextBlock | AnthropicImageBlock => {
          const partParam = `${param}.output[${partIndex}]`;
          const block = convertInputContentPart(part, partParam);
          if (block.type === "text" || block.type === "image") return block;
          throw new InvalidRequestError("function_call_output accepts only input_text and input_image parts.", {
            param: `${partParam}.type`,
          });
        });
  return { type: "tool_result", tool_use_id: item.call_id, content, ...toCacheControl(item.cache_control) };
}
