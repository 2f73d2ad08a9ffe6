/**
 * Cookie-authenticated mutations must come from our own pages. Browsers send
 * Origin on every cross-origin POST/PUT/PATCH/DELETE (and Sec-Fetch-Site), so a
 * mismatch means another site is driving the user's browser. Requests with
 * neither header are not from a browser and carry no ambient cookie risk.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
export function isCrossSiteMutation(request: Request): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin) return origin !== expectedOrigin(request);
  const fetchSite = request.headers.get("sec-fetch-site");
  return fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none";
}

function expectedOrigin(request: Request) {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${protocol}://${host}`;
}
