import { describe, expect, it } from "vitest";
import { JsonResponse } from "./json-response";

describe("JsonResponse", () => {
  it("reads like Response.json: status, headers, and a body as a stream (what Next.js reads)", async () => {
    const response = JsonResponse.of(
      { ok: true, text: "héllo" },
      { status: 201, headers: { "x-switchyard-attempts": "1" } },
    );
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-switchyard-attempts")).toBe("1");
    expect(response.bodyText).toBe('{"ok":true,"text":"héllo"}');
    expect(await new Response(response.body).json()).toEqual({ ok: true, text: "héllo" });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("keeps a content-type it is given and reads once through text(), json() or arrayBuffer()", async () => {
    const response = new JsonResponse('{"a":1}', { headers: { "content-type": "application/json; charset=utf-8" } });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({ a: 1 });
    await expect(response.arrayBuffer()).rejects.toThrow(TypeError);
    const bytes = await new JsonResponse('"é"').arrayBuffer();
    expect(new TextDecoder().decode(bytes)).toBe('"é"');
  });
});
