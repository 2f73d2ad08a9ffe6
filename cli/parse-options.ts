import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `util.parseArgs` with its errors turned into usage errors (exit 2). */
export function parseOptions<T extends Options>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ""));
  }
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("expected input on stdin (pipe it in, e.g. `echo … | switchyard …`)");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
