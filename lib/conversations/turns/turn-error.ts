import type { TurnError } from "@/lib/conversations/document/conversation-document";

/** What to do about a gateway error, by its code or HTTP status. */
export function hintForGatewayError(error: { code: string | null; status: number | null; message: string }): string {
  switch (error.code ?? "") {
    case "provider_not_configured":
      return "Add or enable a credential for this provider under AI Gateway › BYOK, or pick another model.";
    case "provider_not_supported":
      return "Pick the same model under anthropic/ instead.";
    case "too_many_cache_breakpoints":
    case "cache_ttl_order":
      return "Adjust the cache breakpoints (at most 4, 1h ones before 5m ones) and send again.";
    case "stream_truncated":
      return "The provider's stream broke off. The partial answer is kept; press Regenerate to try again.";
  }
  switch (error.status) {
    case 400:
    case 422:
      return "Change the setting the message names, then send again or press Regenerate.";
    case 401:
    case 403:
      return "The provider refused the credential: an admin should check it under AI Gateway › BYOK (Test connection).";
    case 404:
      return "The provider does not know this model: pick another model.";
    case 408:
    case 504:
      return "The provider took too long. Press Regenerate to try again.";
    case 413:
      return "The request is too large: remove attachments or shorten the conversation.";
    case 429:
      return "Rate limited: wait a moment, then press Regenerate.";
    case null:
      return "The gateway could not be reached. Check that the server is running, then press Regenerate.";
  }
  if (error.status !== null && error.status >= 500) return "The provider had a problem. Press Regenerate to try again.";
  return "Press Regenerate to try again.";
}

export function toTurnError(error: { code: string | null; status: number | null; message: string }): TurnError {
  return { ...error, hint: hintForGatewayError(error) };
}
