/**
 * Reads back what a generated "View code" snippet would send, without a network: bash runs
 * the curl snippet with `curl` stubbed, TypeScript's parser evaluates the literals of a
 * client call, and Python runs the snippet with a stand-in `openai` module that prints the
 * keyword arguments `create()` received.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";

export type CurlInvocation = { arguments: string[]; stdin: string };

/**
 * Runs the snippet as a bash script with `curl` replaced by a function that records its
 * arguments and stdin. A script file, not `bash -c`: a snippet with a large attachment is
 * longer than one command-line argument may be.
 */
export function runCurlSnippetWithStub(code: string): CurlInvocation {
  const stub = 'curl() { printf "%s\\0" "$@" >&2; cat; }\n';
  return withTemporaryDirectory((directory) => {
    const script = path.join(directory, "snippet.sh");
    writeFileSync(script, stub + code);
    const run = spawnSync("bash", [script], {
      encoding: "utf8",
      env: { ...process.env, SWITCHYARD_API_KEY: "sy-test-key" },
      // stdin not a socket: bash would take itself for an rsh session and read ~/.bashrc.
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`bash exited ${run.status}: ${run.error ?? run.stderr}`);
    return { arguments: run.stderr.split("\0").slice(0, -1), stdin: run.stdout };
  });
}

function withTemporaryDirectory<Result>(use: (directory: string) => Result): Result {
  const directory = mkdtempSync(path.join(tmpdir(), "view-code-snippet-"));
  try {
    return use(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** `process.env.NAME` in an evaluated literal. */
export const envReference = (name: string) => `$env:${name}`;

/** The evaluated arguments of the first call to `callee` (e.g. `client.messages.create`) in a TypeScript program. */
export function typeScriptCallArguments(code: string, callee: string): unknown[] {
  const node = findNode(code, (candidate) =>
    ts.isCallExpression(candidate) && candidate.expression.getText() === callee ? candidate : undefined,
  );
  return node.arguments.map(evaluate);
}

/** The evaluated arguments of `new <className>(…)` in a TypeScript program. */
export function typeScriptConstructorArguments(code: string, className: string): unknown[] {
  const node = findNode(code, (candidate) =>
    ts.isNewExpression(candidate) && candidate.expression.getText() === className ? candidate : undefined,
  );
  return (node.arguments ?? []).map(evaluate);
}

function findNode<Found extends ts.Node>(code: string, match: (node: ts.Node) => Found | undefined): Found {
  const source = ts.createSourceFile("snippet.mts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const syntaxErrors = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (syntaxErrors.length > 0)
    throw new Error(`syntax error: ${ts.flattenDiagnosticMessageText(syntaxErrors[0]!.messageText, "\n")}`);
  let found: Found | undefined;
  const visit = (node: ts.Node) => {
    found ??= match(node);
    if (!found) ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) throw new Error("call not found in the snippet");
  return found;
}

/** A JSON-like TypeScript expression → its value. `as` casts are looked through; spreads are merged. */
function evaluate(node: ts.Expression): unknown {
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node))
    return evaluate(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return -(evaluate(node.operand) as number);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(evaluate);
  if (ts.isPropertyAccessExpression(node) && node.expression.getText() === "process.env")
    return envReference(node.name.text);
  if (ts.isObjectLiteralExpression(node)) {
    const result: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) Object.assign(result, evaluate(property.expression));
      else if (ts.isPropertyAssignment(property)) {
        const name = property.name;
        const key = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
        result[key] = evaluate(property.initializer);
      } else throw new Error(`unsupported property ${property.getText()}`);
    }
    return result;
  }
  throw new Error(`not a literal: ${node.getText()}`);
}

export type PythonRun = {
  clientOptions: Record<string, unknown>;
  createArguments: Record<string, unknown>;
  stdout: string;
};

const FAKE_OPENAI_PACKAGE = `
import json, sys
from types import SimpleNamespace

_message = SimpleNamespace(content="fake answer", reasoning="fake reasoning", tool_calls=[])
_response = SimpleNamespace(choices=[SimpleNamespace(message=_message)])
_chunk = SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content="fake answer"))])

class _Completions:
    def create(self, **arguments):
        print("CREATE " + json.dumps(arguments))
        return iter([_chunk]) if arguments.get("stream") else _response

class OpenAI:
    def __init__(self, **options):
        print("CLIENT " + json.dumps(options))
        self.chat = SimpleNamespace(completions=_Completions())
`;

/**
 * Runs a Python snippet with a stand-in `openai` package (the real one is not installed
 * here): proves the snippet is valid Python that runs, and returns the keyword arguments it
 * passes to `OpenAI(…)` and `client.chat.completions.create(…)`.
 */
export function runPythonSnippetWithFakeOpenAI(code: string): PythonRun {
  return withTemporaryDirectory((directory) => {
    writeFileSync(path.join(directory, "openai.py"), FAKE_OPENAI_PACKAGE);
    writeFileSync(path.join(directory, "snippet.py"), code);
    const run = spawnSync("python3", ["snippet.py"], {
      cwd: directory,
      encoding: "utf8",
      env: { ...process.env, SWITCHYARD_API_KEY: "sy-test-key", PYTHONPATH: directory },
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`python3 exited ${run.status}: ${run.stderr}`);
    const lines = run.stdout.split("\n");
    const tagged = (tag: string) => JSON.parse(lines.find((line) => line.startsWith(`${tag} `))!.slice(tag.length + 1));
    return {
      clientOptions: tagged("CLIENT"),
      createArguments: tagged("CREATE"),
      stdout: lines.filter((line) => !/^(CLIENT|CREATE) /.test(line)).join("\n"),
    };
  });
}

/** What the `openai` Python SDK puts on the wire: the keyword arguments with `extra_body` merged in. */
export function pythonRequestBody(createArguments: Record<string, unknown>): Record<string, unknown> {
  const { extra_body: extraBody, ...rest } = createArguments;
  return { ...rest, ...(extraBody as Record<string, unknown> | undefined) };
}
