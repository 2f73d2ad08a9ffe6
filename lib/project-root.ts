import path from "node:path";

/**
 * The repository root, where prisma/ and .next/ live. The CLI sets SWITCHYARD_ROOT;
 * the server runs with the root as its working directory. (`import.meta.dirname`
 * does not survive Next's server bundling.)
 */
export function projectRoot() {
  return path.resolve(/*turbopackIgnore: true*/ process.env.SWITCHYARD_ROOT ?? process.cwd());
}
