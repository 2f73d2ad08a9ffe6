/**
 * A bounded fuzz of the gateway's request bodies: thousands of mutations of valid requests
 * (fields deleted or given wrong types, huge strings, deep nesting, NUL and lone surrogates,
 * extreme numbers, duplicate keys, truncated JSON) against the running production server with
 * the fake Anthropic upstream. No answer may be a 500, nor a 5xx that is not an upstream
 * failure; every error is in the endpoint's own shape; the server is alive at the end.
 * Deterministic: the PRNG is seeded, and a failure names the seed and request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callGateway, type GatewayReply } from "../reference-samples/gateway-requests";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORT = 3447;
const SEED = 0x5eed_2026;
const REQUESTS_PER_ENDPOINT = 600;
const CONCURRENCY = 8;

let gateway: GatewayUnderTest;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
}, 300_000);
afterAll(() => gateway?.stop());

/** mulberry32: a small seeded PRNG, so every run sends the same bodies. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Random = ReturnType<typeof prng>;

type Shape = "openai" | "anthropic";
const MODEL = "anthropic/claude-sonnet-4-6";
const SEEDS: Array<{ path: string; shape: Shape; bodies: unknown[] }> = [
  {
    path: "/v3/router/chat/completions",
    shape: "openai",
    bodies: [
      { model: MODEL, messages: [{ role: "user", content: "Hi" }] },
      {
        model: MODEL,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 64,
        temperature: 0.5,
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: [{ type: "text", text: "Hi", cache_control: { type: "ephemeral" } }] },
        ],
        tools: [{ type: "function", function: { name: "f", parameters: { type: "object", properties: {} } } }],
        fallbacks: [{ model: "aws/anthropic/claude-sonnet-4-6" }],
      },
    ],
  },
  {
    path: "/v3/router/responses",
    shape: "openai",
    bodies: [
      { model: MODEL, input: "Hi" },
      {
        model: MODEL,
        stream: true,
        instructions: "Be brief.",
        max_output_tokens: 64,
        input: [{ role: "user", content: [{ type: "input_text", text: "Hi" }] }],
        reasoning: { effort: "low" },
      },
    ],
  },
  {
    path: "/v3/router/v1/messages",
    shape: "anthropic",
    bodies: [
      { model: MODEL, max_tokens: 64, messages: [{ role: "user", content: "Hi" }] },
      {
        model: MODEL,
        max_tokens: 64,
        stream: true,
        system: [{ type: "text", text: "Be brief." }],
        metadata: { user_id: "u1" },
        messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
        fallbacks: [{ model: "anthropic/claude-haiku-4-5" }],
      },
    ],
  },
  {
    path: "/v3/router/v1/messages/count_tokens",
    shape: "anthropic",
    bodies: [{ model: MODEL, messages: [{ role: "user", content: "Hi" }], system: "Be brief." }],
  },
];

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
};

/** Values that are wrong, extreme or odd in most places. */
const HOSTILE_VALUES: Array<(random: Random) => unknown> = [
  () => null,
  () => true,
  () => -1,
  () => 0,
  () => 1e308,
  () => -1e308,
  () => 2 ** 53 + 1,
  () => 0.5,
  () => "NaN",
  () => "Infinity",
  () => "",
  () => "\u0000",
  () => "☃😀\ud800\udfff\ud800",
  () => "anthropic/claude\u0000",
  () => "aws/anthropic/" + "x".repeat(300),
  (random) => "x".repeat(1 + random.int(100_000)),
  () => [],
  () => {},
  () => [{}],
  () => [[[]]],
  () => ({ type: "text" }),
  () => ({ type: "image", source: { type: "base64", media_type: "image/png", data: "!!" } }),
  () => ({ role: "user" }),
  () => nested(100),
  () => nested(200),
  () => Array.from({ length: 1000 }, () => 1),
];

/** Every place in `root` a mutation can touch: [parent, key] pairs. */
function slots(root: unknown): Array<[Record<string, unknown> | unknown[], string | number]> {
  const found: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && found.length < 500) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        found.push([value, index]);
        stack.push(child);
      });
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        found.push([value as Record<string, unknown>, key]);
        stack.push(child);
      }
    }
  }
  return found;
}

function mutateValue(body: unknown, random: Random): void {
  const places = slots(body);
  if (places.length === 0) return;
  const [parent, key] = random.pick(places);
  const record = parent as Record<string | number, unknown>;
  switch (random.int(4)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete record[key];
      break;
    case 1: {
      // An object where an array goes, or the other way round.
      const current = record[key];
      record[key] = Array.isArray(current) ? { ...current } : [current];
      break;
    }
    default:
      record[key] = random.pick(HOSTILE_VALUES)(random);
  }
}

/** Text-level damage JSON.stringify cannot express. */
function mutateText(text: string, random: Random): string {
  switch (random.int(10)) {
    case 0:
      return text.slice(0, random.int(text.length));
    case 1:
      return text.replace(/^\{/, `{"model":${JSON.stringify(random.pick(["x", MODEL, "☃"]))},`);
    case 2: {
      const at = random.int(text.length);
      return text.slice(0, at) + random.pick(["\u0000", "}", "]", '"', "\\", ",", "{", "[", "\ud800"]) + text.slice(at);
    }
    case 3:
      return text.replace(/"max_tokens":\d+/, '"max_tokens":1e400');
    default:
      return text;
  }
}

function fuzzBody(seed: unknown, random: Random): string {
  const body = structuredClone(seed);
  const mutations = 1 + random.int(3);
  for (let count = 0; count < mutations; count++) mutateValue(body, random);
  return mutateText(JSON.stringify(body), random);
}

type Failure = { index: number; path: string; status: number; problem: string; body: string; answer: string };

/** What is wrong with an answer, or undefined. */
function problemWith(reply: GatewayReply, shape: Shape): string | undefined {
  if (reply.status === 200) return undefined;
  if (reply.status < 400) return `unexpected status ${reply.status}`;
  let body: { type?: unknown; error?: { type?: unknown; message?: unknown } } | null;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return "the error body is not JSON";
  }
  const type = body?.error?.type;
  if (typeof type !== "string" || typeof body?.error?.message !== "string") return `not ${shape}'s error shape`;
  const wellShaped = shape === "openai" ? Object.keys(body).join() === "error" : body.type === "error";
  if (!wellShaped) return `not ${shape}'s error shape`;
  if (reply.status < 500) return undefined;
  const upstreamTypes = shape === "openai" ? ["upstream_error"] : ["api_error", "overloaded_error", "timeout_error"];
  if ([502, 503, 504].includes(reply.status) && upstreamTypes.includes(type)) return undefined;
  return `a ${reply.status} that is not an upstream failure (${type})`;
}

describe("fuzzed request bodies", () => {
  it(`${REQUESTS_PER_ENDPOINT * SEEDS.length} mutated bodies: no 500, every error in the endpoint's shape, the server alive`, async () => {
    const random = prng(SEED);
    const plan = SEEDS.flatMap(({ path, shape, bodies }) =>
      Array.from({ length: REQUESTS_PER_ENDPOINT }, () => ({
        path,
        shape,
        body: fuzzBody(random.pick(bodies), random),
      })),
    );
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < plan.length) {
        const index = next++;
        const { path, shape, body } = plan[index]!;
        let reply: GatewayReply;
        try {
          reply = await callGateway(gateway, path, { rawBody: body, headers: { "anthropic-version": "2023-06-01" } });
        } catch (error) {
          failures.push({ index, path, status: 0, problem: String(error), body: body.slice(0, 300), answer: "" });
          continue;
        }
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        const problem = problemWith(reply, shape);
        if (problem)
          failures.push({
            index,
            path,
            status: reply.status,
            problem,
            body: body.slice(0, 300),
            answer: reply.text.slice(0, 300),
          });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(failures.slice(0, 10), `seed ${SEED}; statuses ${JSON.stringify([...statuses])}`).toEqual([]);
    // Mostly refused, some served: the fuzz reaches past validation too.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(plan.length / 4);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);

    const health = await fetch(`${gateway.url}/api/health`);
    expect(health.status).toBe(200);
    const served = await callGateway(gateway, "/v3/router/chat/completions", {
      body: { model: MODEL, messages: [{ role: "user", content: "Hi" }] },
    });
    expect(served.status).toBe(200);
    expect(gateway.server.output()).not.toMatch(/unhandled error|gateway error:|Maximum call stack/);
  }, 180_000);
});
