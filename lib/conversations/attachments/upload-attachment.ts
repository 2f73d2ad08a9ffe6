import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseJsonBody } from "@/lib/ui-api/json-error-response";
import { readFormData } from "@/lib/ui-api/read-body";
import { attachmentLimits } from "./attachment-limits";
import { saveUploadedAttachment, saveUrlAttachment } from "./attachment-store";

/** An upload request: a multipart `file`, or JSON `{url}`. */
export async function uploadAttachment(db: Db, userId: string, request: Request) {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith("application/json")) {
    const { url } = await parseJsonBody(request, z.strictObject({ url: z.string().trim().min(1, "give a URL") }));
    return saveUrlAttachment(db, userId, url);
  }
  if (!contentType.startsWith("multipart/form-data")) {
    throw new AppError("invalid_input", 'Send a file as multipart/form-data, or JSON {"url": …}.');
  }
  const form = await readFormData(request, { maxBytes: attachmentLimits.uploadBodyBytes });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_input", "No file in the upload (field `file`).", "file");
  return saveUploadedAttachment(db, userId, file);
}
