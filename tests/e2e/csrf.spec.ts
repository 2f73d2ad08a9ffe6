import { expect, test } from "./fixtures/test";

test("a mutation from another origin is refused despite a valid session cookie, and creates nothing", async ({
  playwright,
  baseURL,
  adminSession,
}) => {
  const request = await playwright.request.newContext({ baseURL, storageState: adminSession.storageStatePath });
  const name = `csrf-probe-${Date.now()}`;
  const keyNames = async () =>
    ((await (await request.get("/api/api-keys")).json()).apiKeys as Array<{ name: string }>).map((key) => key.name);

  const crossOrigin = await request.post("/api/api-keys", {
    headers: { Origin: "http://evil.example" },
    data: { name },
  });
  expect(crossOrigin.status()).toBe(403);
  expect(await crossOrigin.json()).toMatchObject({ error: { code: "forbidden" } });

  const crossSite = await request.post("/api/api-keys", {
    headers: { "Sec-Fetch-Site": "cross-site" },
    data: { name },
  });
  expect(crossSite.status()).toBe(403);

  const signInFromElsewhere = await request.post("/api/auth/sign-in", {
    headers: { Origin: "http://evil.example" },
    data: { email: "someone@switchyard.test", password: "whatever-password" },
  });
  expect(signInFromElsewhere.status()).toBe(403);

  expect(await keyNames()).not.toContain(name);

  // The same cookie from our own origin works, so the refusal above was about the origin.
  const sameOrigin = await request.post("/api/api-keys", {
    headers: { Origin: baseURL! },
    data: { name: `${name}-control` },
  });
  expect(sameOrigin.status()).toBe(201);
  const { apiKey } = await sameOrigin.json();
  expect(await keyNames()).toContain(`${name}-control`);
  const revoke = await request.post(`/api/api-keys/${apiKey.id}/revoke`, { headers: { Origin: baseURL! } });
  expect(revoke.status()).toBe(200);
  await request.dispose();
});
