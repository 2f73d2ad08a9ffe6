/**
 * Label values that cannot grow without bound. Every distinct label value is a time series in
 * Prometheus and a map entry in this process forever, so a value that comes from a request (a
 * model id, an upstream error type) is admitted only while fewer than `limit` distinct values
 * have been seen; later ones are reported as `"other"`.
 */
export const OVERFLOW_LABEL = "other";

const MAX_LABEL_LENGTH = 128;

export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly limit: number) {}

  /** `undefined`, non-strings and empty strings become `""` (no value). */
  value(raw: unknown): string {
    if (typeof raw !== "string" || raw === "") return "";
    const value = raw.length > MAX_LABEL_LENGTH ? raw.slice(0, MAX_LABEL_LENGTH) : raw;
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return OVERFLOW_LABEL;
    this.seen.add(value);
    return value;
  }

  clear(): void {
    this.seen.clear();
  }
}
