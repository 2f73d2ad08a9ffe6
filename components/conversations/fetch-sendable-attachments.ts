import type { SendableAttachment } from "@/lib/conversations/turns/build-chat-request";
import type { AttachmentMeta } from "@/lib/conversations/document/conversation-document";

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/**
 * The bytes of the attachments a request carries, fetched from where this page may read them
 * (the owner's attachment API in the playground, the link's own URL on a shared page), so
 * "View code" shows the very request that was sent, files included.
 */
export async function fetchSendableAttachments(
  attachments: ReadonlyMap<string, AttachmentMeta>,
  ids: readonly string[],
  urlFor: (attachment: AttachmentMeta) => string,
): Promise<Map<string, SendableAttachment>> {
  const entries = await Promise.all(
    ids.map(async (id): Promise<[string, SendableAttachment]> => {
      const attachment = attachments.get(id);
      if (!attachment) throw new Error(`Attachment ${id} is missing from this conversation.`);
      if (attachment.sourceUrl) return [id, { ...attachment, base64: null }];
      const response = await fetch(urlFor(attachment));
      if (!response.ok) throw new Error(`Could not load ${attachment.fileName} (${response.status}).`);
      return [id, { ...attachment, base64: toBase64(await response.arrayBuffer()) }];
    }),
  );
  return new Map(entries);
}
