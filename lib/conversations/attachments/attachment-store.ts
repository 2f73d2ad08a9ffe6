import "server-only";
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { pluralize } from "@/lib/format/pluralize";
import { attachmentKindOf, attachmentLimits, attachmentProblem, mediaTypeFromUrl } from "./attachment-limits";
import type { SendableAttachment } from "@/lib/conversations/turns/build-chat-request";
import type { AttachmentMeta } from "@/lib/conversations/document/conversation-document";
import { ATTACHMENT_META_SELECT, toAttachmentMeta } from "@/lib/conversations/store/conversation-store";

/** What the bytes say they are, so a renamed file cannot pass as an image or a PDF. */
function sniffMediaType(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return "image/webp";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  return null;
}

async function countPdfPages(bytes: Uint8Array, fileName: string): Promise<number> {
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return pdf.getPageCount();
  } catch {
    throw new AppError("invalid_input", `${fileName} could not be read as a PDF.`);
  }
}

/** Stores an uploaded image or PDF for `userId` after checking its type (by content), size and pages. */
export async function saveUploadedAttachment(db: Db, userId: string, file: File): Promise<AttachmentMeta> {
  const declaredProblem = attachmentProblem({ name: file.name, type: file.type, size: file.size });
  if (declaredProblem) throw new AppError("invalid_input", declaredProblem);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mediaType = sniffMediaType(bytes);
  if (!mediaType || attachmentKindOf(mediaType) !== attachmentKindOf(file.type)) {
    throw new AppError("invalid_input", `${file.name} is not a valid ${file.type} file.`);
  }
  const kind = attachmentKindOf(mediaType)!;
  const pageCount = kind === "pdf" ? await countPdfPages(bytes, file.name) : null;
  if (pageCount !== null && pageCount > attachmentLimits.pdfPages) {
    throw new AppError(
      "invalid_input",
      `${file.name} has ${pluralize(pageCount, "page")}; PDFs may have at most ${attachmentLimits.pdfPages}.`,
    );
  }
  const row = await db.playgroundAttachment.create({
    data: {
      userId,
      kind,
      mediaType,
      fileName: file.name.slice(0, 255) || `attachment.${mediaType.split("/")[1]}`,
      byteSize: bytes.byteLength,
      pageCount,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      data: bytes,
    },
    select: ATTACHMENT_META_SELECT,
  });
  return toAttachmentMeta(row);
}

/** A URL attachment: the model's provider fetches it, so the app keeps the URL and no bytes. */
export async function saveUrlAttachment(db: Db, userId: string, url: string): Promise<AttachmentMeta> {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
    throw new AppError("invalid_input", "Give an http(s) URL.", "url");
  const mediaType = mediaTypeFromUrl(url);
  const kind = mediaType ? attachmentKindOf(mediaType) : null;
  if (!mediaType || !kind) {
    throw new AppError("invalid_input", "The URL must end in .png, .jpg, .jpeg, .gif, .webp or .pdf.", "url");
  }
  const fileName = decodeURIComponent(new URL(url).pathname.split("/").pop() || url).slice(0, 255);
  const row = await db.playgroundAttachment.create({
    data: { userId, kind, mediaType, fileName, byteSize: 0, sourceUrl: url },
    select: ATTACHMENT_META_SELECT,
  });
  return toAttachmentMeta(row);
}

/** The file's bytes for its owner (previews). */
export async function readAttachment(db: Db, userId: string, attachmentId: string) {
  const row = await db.playgroundAttachment.findFirst({
    where: { id: attachmentId, userId },
    select: { mediaType: true, fileName: true, data: true },
  });
  if (!row?.data) throw new AppError("not_found", "No such attachment.");
  return { mediaType: row.mediaType, fileName: row.fileName, data: row.data };
}

/**
 * The attachments a request sends, with their bytes, checked to be the user's and within the
 * per-request limit. Attachments not yet in a conversation join `sessionId`.
 */
export async function loadSendableAttachments(
  db: Db,
  userId: string,
  sessionId: string,
  attachmentIds: readonly string[],
): Promise<Map<string, SendableAttachment>> {
  const unique = [...new Set(attachmentIds)];
  if (unique.length === 0) return new Map();
  const rows = await db.playgroundAttachment.findMany({
    where: { id: { in: unique }, userId, OR: [{ sessionId }, { sessionId: null }] },
    select: { ...ATTACHMENT_META_SELECT, data: true, sessionId: true },
  });
  const missing = unique.find((id) => !rows.some((row) => row.id === id));
  if (missing) throw new AppError("invalid_input", `Attachment ${missing} does not exist (or is not yours).`);
  const total = rows.reduce((sum, row) => sum + row.byteSize, 0);
  if (Math.ceil(total / 3) * 4 > attachmentLimits.requestBytes) {
    throw new AppError("invalid_input", "The attachments add up to more than 32 MB encoded; remove some to send.");
  }
  const unclaimed = rows.filter((row) => row.sessionId === null).map((row) => row.id);
  if (unclaimed.length > 0) {
    await db.playgroundAttachment.updateMany({
      where: { id: { in: unclaimed }, sessionId: null },
      data: { sessionId },
    });
  }
  return new Map(
    rows.map((row) => [
      row.id,
      { ...toAttachmentMeta(row), base64: row.data ? Buffer.from(row.data).toString("base64") : null },
    ]),
  );
}
