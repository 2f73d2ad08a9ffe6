/**
 * The playground's JSON bodies (sessions, turns, compare columns) carry what its schemas allow —
 * a system prompt of 1,000,000 characters, a message or tool result of 2,000,000 — so they get
 * more than the UI's default 1 MB: 2,000,000 characters at up to 4 UTF-8 bytes each.
 */
export const PLAYGROUND_BODY_MAX_BYTES = 8 * 1024 * 1024;
