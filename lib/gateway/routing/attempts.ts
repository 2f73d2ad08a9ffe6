export type Attempt = {
  model: string;
  status: number;
  latencyMs: number;
  /** Error code or type when the attempt failed. */
  error?: string;
};

export const ATTEMPTS_HEADER = "x-switchyard-attempts";
export const SERVED_MODEL_HEADER = "x-switchyard-model";

/** `anthropic/claude-sonnet-4-6;status=529;ms=12;error=overloaded_error, aws/…;status=200;ms=340` */
export function formatAttemptsHeader(attempts: Attempt[]): string {
  return attempts
    .map((attempt) =>
      [
        attempt.model,
        `status=${attempt.status}`,
        `ms=${Math.round(attempt.latencyMs)}`,
        ...(attempt.error ? [`error=${attempt.error}`] : []),
      ].join(";"),
    )
    .join(", ");
}
