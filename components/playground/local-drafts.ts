import { z } from "zod";
import { compareSetupSchema, type CompareSetup } from "@/lib/conversations/compare/compare-columns";
import {
  attachmentMetaSchema,
  cacheMarkSchema,
  type AttachmentMeta,
  type MessagePart,
} from "@/lib/conversations/document/conversation-document";
import { userPartsSchema } from "@/lib/conversations/turns/turn-action";

/** What the composer holds, kept in localStorage so a reload or a crash never loses it. */
export const composerDraftSchema = z.object({
  text: z.string(),
  attachments: z.array(attachmentMetaSchema.extend({ cache: cacheMarkSchema.nullable() })),
  cache: cacheMarkSchema.nullable(),
});
export type ComposerDraft = z.infer<typeof composerDraftSchema>;

export const emptyDraft: ComposerDraft = { text: "", attachments: [], cache: null };

/** A message's parts back in the composer (attachments it cannot describe any more are left out). */
export function toDraft(
  parts: readonly MessagePart[],
  attachments: ReadonlyMap<string, AttachmentMeta>,
): ComposerDraft {
  return {
    text: parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n\n"),
    attachments: parts.flatMap((part) => {
      const attachment = part.type === "attachment" ? attachments.get(part.attachmentId) : undefined;
      return attachment && part.type === "attachment" ? [{ ...attachment, cache: part.cache ?? null }] : [];
    }),
    cache: null,
  };
}

/** What the composer sends: its attachments, then its text. */
export function draftParts(draft: ComposerDraft): Array<Extract<MessagePart, { type: "text" | "attachment" }>> {
  return [
    ...draft.attachments.map((attachment) => ({
      type: "attachment" as const,
      attachmentId: attachment.id,
      cache: attachment.cache,
    })),
    ...(draft.text.trim() !== "" ? [{ type: "text" as const, text: draft.text }] : []),
  ];
}

const draftKey = (sessionId: string | null) => `switchyard.playground.draft.${sessionId ?? "new"}`;
const LAST_MODEL_KEY = "switchyard.playground.lastModel";
const COMPARE_KEY = "switchyard.playground.compare";

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the draft lives in memory only.
  }
}

export const loadDraft = (sessionId: string | null) => read(draftKey(sessionId), composerDraftSchema);

export function saveDraft(sessionId: string | null, draft: ComposerDraft) {
  const empty = draft.text === "" && draft.attachments.length === 0;
  write(draftKey(sessionId), empty ? null : draft);
}

export const loadLastModel = () => read(LAST_MODEL_KEY, z.string());
export const saveLastModel = (model: string) => write(LAST_MODEL_KEY, model);

/** Compare mode and its columns (not their answers, which are not saved until promoted). */
export const loadCompareSetup = () => read(COMPARE_KEY, compareSetupSchema);
export const saveCompareSetup = (setup: CompareSetup) => write(COMPARE_KEY, setup);

/**
 * The message compare columns answered, until an answer is used or the message replaced: the
 * answers are not saved, so after a reload the message goes back to the composer.
 */
const comparedKey = (sessionId: string) => `switchyard.playground.compared.${sessionId}`;
export const loadComparedMessage = (sessionId: string) => read(comparedKey(sessionId), userPartsSchema);
export const saveComparedMessage = (sessionId: string, parts: z.infer<typeof userPartsSchema> | null) =>
  write(comparedKey(sessionId), parts);
