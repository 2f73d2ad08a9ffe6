/**
 * A JSON answer that keeps its text. The production server writes `bodyText` straight to the
 * socket (lib/server/node-web-bridge.ts), and no Web stream is made unless someone reads `body`,
 * as Next.js does. `Response.json()` plus reading its stream back cost about 80 µs of CPU per
 * request (bench --profile); serializing once costs a few.
 */
export class JsonResponse extends Response {
  readonly bodyText: string;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #consumed = false;

  constructor(bodyText: string, init: ResponseInit = {}) {
    super(null, init);
    if (!this.headers.has("content-type")) this.headers.set("content-type", "application/json");
    this.bodyText = bodyText;
  }

  /** Like `Response.json(data, init)`. */
  static of(data: unknown, init?: ResponseInit): JsonResponse {
    return new JsonResponse(JSON.stringify(data), init);
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    this.#stream ??= new Response(this.bodyText).body as ReadableStream<Uint8Array<ArrayBuffer>>;
    return this.#stream;
  }

  override get bodyUsed(): boolean {
    return this.#consumed || (this.#stream?.locked ?? false);
  }

  override async text(): Promise<string> {
    this.#consume();
    return this.bodyText;
  }

  override async json(): Promise<unknown> {
    this.#consume();
    return JSON.parse(this.bodyText);
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    this.#consume();
    return new TextEncoder().encode(this.bodyText).buffer as ArrayBuffer;
  }

  #consume() {
    if (this.bodyUsed) throw new TypeError("Body is unusable: Body has already been read");
    this.#consumed = true;
  }
}
