import { InvalidRequestError } from "../../gateway-error";
import type {
  AnthropicCacheControl,
  AnthropicDocumentBlock,
  AnthropicImageBlock,
  AnthropicTextBlock,
} from "../../anthropic/anthropic-request";
import type { CacheControl, UserContentPart } from "./openai-chat-request-schema";

export const supportedImageMediaTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"] as const;

type UserBlock = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock;

/**
 * One user content part → one Anthropic block. Images: `data:` URI → base64 source, http(s)
 * URL → url source. PDFs: Orq's `document` part (url or data) and OpenAI's `file` part
 * (`file_data` data URI). Unsupported media types are a 400.
 */
export function convertUserContentPart(part: UserContentPart, param: string): UserBlock {
  const cacheControl = toCacheControl(part.cache_control);
  switch (part.type) {
    case "text":
      return { type: "text", text: part.text, ...cacheControl };
    case "image_url":
      return { type: "image", source: imageSource(part.image_url.url, `${param}.image_url.url`), ...cacheControl };
    case "document": {
      const { url, data, title } = part.document;
      const source = url
        ? ({ type: "url", url: httpUrl(url, `${param}.document.url`) } as const)
        : pdfSource(data ?? "", `${param}.document.data`);
      return { type: "document", source, ...(title ? { title } : {}), ...cacheControl };
    }
    case "file":
      return fileBlock(part.file, param, cacheControl);
    default: {
      const exhaustive: never = part;
      throw new Error(`unhandled content part ${JSON.stringify(exhaustive)}`);
    }
  }
}

export function toCacheControl(cacheControl: CacheControl | null | undefined): {
  cache_control?: AnthropicCacheControl;
} {
  if (!cacheControl) return {};
  return { cache_control: cacheControl.ttl ? { type: "ephemeral", ttl: cacheControl.ttl } : { type: "ephemeral" } };
}

function imageSource(url: string, param: string): AnthropicImageBlock["source"] {
  if (url.startsWith("data:")) {
    const { mediaType, data } = parseBase64DataUri(url, param);
    return { type: "base64", media_type: checkImageMediaType(mediaType, param), data };
  }
  return { type: "url", url: httpUrl(url, param) };
}

function pdfSource(data: string, param: string): AnthropicDocumentBlock["source"] {
  if (!data.startsWith("data:")) return { type: "base64", media_type: "application/pdf", data };
  const parsed = parseBase64DataUri(data, param);
  if (parsed.mediaType !== "application/pdf") {
    throw new InvalidRequestError(
      `Unsupported document media type "${parsed.mediaType}"; only application/pdf is supported.`,
      {
        param,
      },
    );
  }
  return { type: "base64", media_type: "application/pdf", data: parsed.data };
}

function fileBlock(
  file: { file_data?: string | null; file_id?: string | null; filename?: string | null },
  param: string,
  cacheControl: { cache_control?: AnthropicCacheControl },
): UserBlock {
  if (!file.file_data) {
    throw new InvalidRequestError(
      file.file_id
        ? "file_id references are not supported; send the file inline as file_data (a base64 data URI)."
        : "file.file_data is required.",
      { param: `${param}.file.file_data`, code: file.file_id ? "unsupported_file_id" : null },
    );
  }
  const title = file.filename ? { title: file.filename } : {};
  if (!file.file_data.startsWith("data:")) {
    return {
      type: "document",
      source: pdfSource(file.file_data, `${param}.file.file_data`),
      ...title,
      ...cacheControl,
    };
  }
  const { mediaType, data } = parseBase64DataUri(file.file_data, `${param}.file.file_data`);
  if (mediaType === "application/pdf") {
    return {
      type: "document",
      source: { type: "base64", media_type: "application/pdf", data },
      ...title,
      ...cacheControl,
    };
  }
  if (mediaType === "text/plain") {
    const text = Buffer.from(data, "base64").toString("utf8");
    return {
      type: "document",
      source: { type: "text", media_type: "text/plain", data: text },
      ...title,
      ...cacheControl,
    };
  }
  if (mediaType.startsWith("image/")) {
    const media_type = checkImageMediaType(mediaType, `${param}.file.file_data`);
    return { type: "image", source: { type: "base64", media_type, data }, ...cacheControl };
  }
  throw new InvalidRequestError(
    `Unsupported file media type "${mediaType}"; supported: application/pdf, text/plain, ${supportedImageMediaTypes.join(", ")}.`,
    { param: `${param}.file.file_data` },
  );
}

function checkImageMediaType(mediaType: string, param: string): string {
  if ((supportedImageMediaTypes as readonly string[]).includes(mediaType)) return mediaType;
  throw new InvalidRequestError(
    `Unsupported image media type "${mediaType}"; supported: ${supportedImageMediaTypes.join(", ")}.`,
    { param },
  );
}

function httpUrl(url: string, param: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  throw new InvalidRequestError("URLs must use http or https (or be a base64 data: URI).", { param });
}

/** `data:<media type>[;params];base64,<data>`, parsed without a regex over the payload. */
export function parseBase64DataUri(uri: string, param: string): { mediaType: string; data: string } {
  const comma = uri.indexOf(",");
  const header = comma === -1 ? "" : uri.slice("data:".length, comma);
  const parameters = header.split(";");
  if (comma === -1 || parameters.at(-1)?.toLowerCase() !== "base64") {
    throw new InvalidRequestError("data: URIs must be base64-encoded (data:<media type>;base64,<data>).", { param });
  }
  const mediaType = (parameters[0] ?? "").trim().toLowerCase();
  const data = uri.slice(comma + 1);
  if (!mediaType || !data) throw new InvalidRequestError("The data: URI has no media type or no data.", { param });
  return { mediaType, data };
}
