import type { AttachmentKind } from "@/lib/conversations/document/conversation-document";

/**
 * Anthropic's API limits for inline files.
 * @see https://platform.claude.com/docs/en/build-with-claude/vision
 * @see https://platform.claude.com/docs/en/build-with-claude/pdf-support
 */
export const attachmentLimits = {
  imageBytes: 5 * 1024 * 1024,
  requestBytes: 32 * 1024 * 1024,
  pdfPages: 100,
  /** One upload's multipart body: the largest file plus room for the form's framing. */
  uploadBodyBytes: 32 * 1024 * 1024 + 64 * 1024,
  /** A session import (JSON, attachments inlined as base64): larger than any one request may carry. */
  importBodyBytes: 64 * 1024 * 1024,
} as const;

export const imageMediaTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export const pdfMediaType = "application/pdf";
export const acceptedMediaTypes = [...imageMediaTypes, pdfMediaType] as const;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

export function attachmentKindOf(mediaType: string): AttachmentKind | null {
  if ((imageMediaTypes as readonly string[]).includes(mediaType)) return "image";
  if (mediaType === pdfMediaType) return "pdf";
  return null;
}

/** The problem with a file before upload (browser) and on arrival (server), or null. */
export function attachmentProblem(file: { name: string; type: string; size: number }): string | null {
  const kind = attachmentKindOf(file.type);
  if (!kind)
    return `${file.name}: only PNG, JPEG, GIF, WebP images and PDFs can be attached${file.type ? ` (this is ${file.type})` : ""}.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (kind === "image" && file.size > attachmentLimits.imageBytes) {
    return `${file.name} is ${megabytes(file.size)}; images may be at most ${megabytes(attachmentLimits.imageBytes)}.`;
  }
  if (file.size > attachmentLimits.requestBytes) {
    return `${file.name} is ${megabytes(file.size)}; a request may carry at most ${megabytes(attachmentLimits.requestBytes)}.`;
  }
  return null;
}

/** All files of one request together (base64 grows them by a third). */
export function requestSizeProblem(totalBytes: number): string | null {
  const encoded = Math.ceil(totalBytes / 3) * 4;
  if (encoded <= attachmentLimits.requestBytes) return null;
  return `These attachments add up to ${megabytes(encoded)} encoded; a request may carry at most ${megabytes(attachmentLimits.requestBytes)}.`;
}

/** Media type from a URL's extension (URL attachments are not downloaded by the app). */
export function mediaTypeFromUrl(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname.toLowerCase();
  } catch {
    return null;
  }
  if (pathname.endsWith(".png")) return "image/png";
  if (pathname.endsWith(".jpg") || pathname.endsWith(".jpeg")) return "image/jpeg";
  if (pathname.endsWith(".gif")) return "image/gif";
  if (pathname.endsWith(".webp")) return "image/webp";
  if (pathname.endsWith(".pdf")) return pdfMediaType;
  return null;
}
