/**
 * Micro-dollars → dollars, the one money format of Usage and Logs: cents from $1 up, four decimals
 * below (so $0.0091 is not rounded to $0.01 or padded to $0.009100), six below a hundredth of a cent.
 * Integer arithmetic, so no float rounding.
 */
export function formatUsd(micros: number): string {
  const absolute = Math.abs(Math.round(micros));
  const sign = micros < 0 && absolute > 0 ? "-" : "";
  const decimals = absolute >= 1_000_000 ? 2 : absolute >= 100 ? 4 : 6;
  const unit = 10 ** (6 - decimals);
  const scaled = Math.round(absolute / unit);
  const whole = Math.floor(scaled / 10 ** decimals);
  const fraction = String(scaled % 10 ** decimals)
    .padStart(decimals, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `${sign}$${whole.toLocaleString("en-US")}.${fraction}`;
}
