import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A directory only this user can enter: the socket is reachable by this user's processes alone. */
export function privateSocketPath(): string {
  const socketDirectory = mkdtempSync(path.join(os.tmpdir(), "switchyard-"));
  process.once("exit", () => rmSync(socketDirectory, { recursive: true, force: true }));
  return path.join(socketDirectory, "next.sock");
}
