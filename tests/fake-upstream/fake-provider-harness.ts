import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { recordRequest, type FakeRule, type FakeScenario, type RecordedRequest } from "./fake-anthropic-server";
import { asyncRequestListener } from "../helpers/async-request-listener";

/** What every fake provider server offers tests: recorded requests, scenario rules, waiting, closing. */
export type FakeProviderServer = {
  url: string;
  requests: RecordedRequest[];
  /** First matching rule wins. */
  addRule(rule: FakeRule): void;
  reset(): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
};

export type FakeRoute = (
  request: RecordedRequest,
  response: ServerResponse,
  chooseScenario: (request: RecordedRequest) => FakeScenario,
) => Promise<void>;

/** A local HTTP server on 127.0.0.1 (port 0 unless given) that records requests and hands them to `route`. */
export async function startFakeProviderServer(options: {
  route: FakeRoute;
  defaultScenario?: FakeScenario;
  port?: number;
}): Promise<FakeProviderServer> {
  const requests: RecordedRequest[] = [];
  let rules: FakeRule[] = [];
  const waiters: Array<() => void> = [];

  function chooseScenario(request: RecordedRequest): FakeScenario {
    const fixtureHeader = request.headers["x-fake-scenario"];
    if (typeof fixtureHeader === "string") return { type: "fixture", fixture: fixtureHeader };
    const rule = rules.find((candidate) => candidate.match?.(request) ?? true);
    if (rule?.times !== undefined && --rule.times <= 0) rules = rules.filter((candidate) => candidate !== rule);
    return rule?.scenario ?? options.defaultScenario ?? { type: "fixture", fixture: "anthropic-text" };
  }

  const server = createServer(
    asyncRequestListener(async (request, response) => {
      const recorded = await recordRequest(request, response);
      requests.push(recorded);
      for (const waiter of waiters.splice(0)) waiter();
      await options.route(recorded, response, chooseScenario);
    }),
  );
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addRule: (rule) => void rules.push(rule),
    reset() {
      requests.length = 0;
      rules = [];
    },
    async waitForRequests(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return requests.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** Pauses, stalls or resets a streaming scenario at the configured event, as the Anthropic fake does. Returns false to stop writing. */
export async function beforeStreamEvent(
  response: ServerResponse,
  scenario: Extract<FakeScenario, { type: "fixture" }>,
  position: number,
): Promise<boolean> {
  if (position === scenario.stallAfterEvents) return false;
  if (position === scenario.destroyAfterEvents) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    response.socket?.destroy();
    return false;
  }
  return !response.destroyed;
}
