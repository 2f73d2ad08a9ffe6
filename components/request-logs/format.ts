/** Micro-dollars → "$0.001234" (exact: integer arithmetic, no float rounding). */
export function formatUsd(micros: number, decimals = 6): string {
  const sign = micros < 0 ? "-" : "";
  const absolute = Math.abs(Math.round(micros));
  const whole = Math.floor(absolute / 1e6);
  const fraction = String(absolute % 1e6)
    .padStart(6, "0")
    .slice(0, decimals);
  return `${sign}$${whole.toLocaleString("en-US")}${decimals > 0 ? `.${fraction}` : ""}`;
}

/** Micro-dollars → cents-precision dollars for totals, rounded half up on the integer. */
export function formatUsdCents(micros: number): string {
  const cents = Math.round(micros / 1e4);
  return `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
export function formatCount(value: number): string {
  return value < 10_000 ? value.toLocaleString("en-US") : compact.format(value);
}

export function formatMs(value: number | null): string {
  if (value === null) return "—";
  return value < 1000 ? `${value} ms` : `${(value / 1000).toFixed(2)} s`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
