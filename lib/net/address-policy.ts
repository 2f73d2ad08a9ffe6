import ipaddr from "ipaddr.js";

/**
 * Whether the gateway may open a connection to an IP address on a user's behalf: only
 * globally routable unicast. Loopback, private (10/8, 172.16/12, 192.168/16), link-local
 * (169.254/16 — cloud metadata — and fe80::/10), unique-local (fc00::/7, e.g. AWS's
 * fd00:ec2::254), carrier-grade NAT (100.64/10, e.g. Alibaba's metadata), unspecified,
 * multicast, broadcast and reserved/documentation ranges are refused. IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries; the IPv6 forms that embed
 * an IPv4 address by translation (NAT64 64:ff9b::/96, 6to4, Teredo) are refused outright.
 * Accepts every spelling ipaddr.js parses, including decimal, octal and hex IPv4.
 */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === "unicast";
}

/** ipaddr.js's range name (`loopback`, `private`, `linkLocal`, …), or `invalid`. */
export function classifyAddress(address: string): string {
  const literal = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(literal)) return "invalid";
  // process() turns an IPv4-mapped IPv6 address into the IPv4 address it carries.
  return ipaddr.process(literal).range();
}

/** Whether a URL hostname is an IP literal (the WHATWG URL parser already normalised 2130706433 → 127.0.0.1). */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ""));
}
