/**
 * A stored attachment as the browser should show it: inline, under its own name, with its
 * stored type and never sniffed as another. `headers` add the caller's caching (and any
 * sandboxing) rules.
 */
export function attachmentResponse(
  attachment: { mediaType: string; fileName: string; data: Uint8Array },
  headers: Record<string, string>,
): Response {
  return new Response(Buffer.from(attachment.data), {
    headers: {
      "content-type": attachment.mediaType,
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "x-content-type-options": "nosniff",
      ...headers,
    },
  });
}
