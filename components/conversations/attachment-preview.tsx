import type { AttachmentMeta } from "@/lib/conversations/document/conversation-document";
import { pluralize } from "@/lib/format/pluralize";
import { formatBytes } from "./format";

/** A thumbnail for an image, name and pages for a PDF. */
export function AttachmentPreview({
  attachment,
  children,
}: {
  attachment: AttachmentMeta | undefined;
  children?: React.ReactNode;
}) {
  if (!attachment) {
    return (
      <div className="rounded-md border border-dashed border-zinc-300 p-2 text-xs text-zinc-600 dark:text-zinc-400 dark:border-zinc-700">
        Attachment unavailable
      </div>
    );
  }
  const source = attachment.sourceUrl ?? `/api/playground/attachments/${encodeURIComponent(attachment.id)}`;
  return (
    <figure className="flex w-44 flex-col gap-1 rounded-md border border-zinc-200 bg-white p-1.5 text-xs dark:border-zinc-700 dark:bg-zinc-900">
      {attachment.kind === "image" ? (
        // eslint-disable-next-line @next/next/no-img-element -- a user's upload, served by our API
        <img src={source} alt={attachment.fileName} className="h-24 w-full rounded object-cover" />
      ) : (
        <div
          aria-hidden
          className="flex h-24 items-center justify-center rounded bg-red-50 text-lg font-bold text-red-700 dark:bg-red-950/50 dark:text-red-300"
        >
          PDF
        </div>
      )}
      <AttachmentCaption attachment={attachment} />
      {children}
    </figure>
  );
}

/** An attachment's name and what it is: "PDF · 3 pages · 1.2 MB · by URL". */
export function AttachmentCaption({
  attachment,
  children,
}: {
  attachment: AttachmentMeta;
  children?: React.ReactNode;
}) {
  const summary = [
    attachment.kind === "pdf" ? "PDF" : attachment.mediaType.replace("image/", "").toUpperCase(),
    attachment.pageCount ? pluralize(attachment.pageCount, "page") : null,
    attachment.byteSize ? formatBytes(attachment.byteSize) : null,
    attachment.sourceUrl ? "by URL" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <figcaption className="min-w-0">
      <span className="block truncate font-medium" title={attachment.fileName}>
        {attachment.fileName}
      </span>
      <span className="block text-zinc-600 dark:text-zinc-400">{summary}</span>
      {children}
    </figcaption>
  );
}
