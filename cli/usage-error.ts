/** Bad command-line usage: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
