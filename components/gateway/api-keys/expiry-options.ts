const DAY_MS = 24 * 60 * 60 * 1000;

export const EXPIRY_OPTIONS = [
  { value: "never", label: "No expiry" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "custom", label: "Custom date…" },
] as const;

export type ExpiryChoice = (typeof EXPIRY_OPTIONS)[number]["value"];

/** The ISO datetime a choice means (a custom date expires at the end of that local day), or null. */
export function expiresAtFor(choice: ExpiryChoice, customDate: string, now = new Date()): string | null {
  if (choice === "never") return null;
  if (choice === "custom") return customDate ? new Date(`${customDate}T23:59:59`).toISOString() : null;
  return new Date(now.getTime() + Number(choice) * DAY_MS).toISOString();
}
