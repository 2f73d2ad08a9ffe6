/** What the printing part of a snippet should show, read from the Chat Completions body. */
export type RequestTraits = {
  /** Thinking is on (manual or adaptive, or via reasoning_effort). */
  thinks: boolean;
  /** Function tools are offered, so the answer may be a tool call. */
  usesTools: boolean;
};

export function describeRequest(body: Record<string, unknown>): RequestTraits {
  const thinking = body.thinking as { type?: string } | null | undefined;
  const effort = body.reasoning_effort as string | null | undefined;
  return {
    thinks: (thinking != null && thinking.type !== "disabled") || (effort != null && effort !== "none"),
    usesTools: Array.isArray(body.tools) && body.tools.length > 0,
  };
}
