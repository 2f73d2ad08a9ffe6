/** Display helpers for the playground's numbers. */
export const formatTokens = (tokens: number) => tokens.toLocaleString("en-US");

export function formatUsd(amount: number): string {
  const sign = amount < 0 ? "−" : "";
  const value = Math.abs(amount);
  if (value === 0) return "$0";
  if (value < 0.01) return `${sign}$${value.toFixed(5)}`;
  return `${sign}$${value.toFixed(value < 1 ? 4 : 2)}`;
}

export const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

export function formatContext(tokens: number): string {
  return tokens >= 1_000_000 ? `${tokens / 1_000_000}M` : `${Math.round(tokens / 1000)}k`;
}

export const formatPrice = (perMillion: number) => `$${perMillion % 1 === 0 ? perMillion : perMillion.toFixed(2)}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
