/**
 * The header in which the production web worker (scripts/web-worker.mjs) hands the app the address
 * of the TCP peer: route handlers and server actions in Next never see the socket. The worker
 * deletes any copy a client sent before setting it, so it cannot be forged through that server.
 */
export const PEER_ADDRESS_HEADER = "x-momentum-peer-address";

/**
 * The client's address when `trustedProxies` reverse proxies stand in front of the app. Each proxy
 * appends the address it received the request from to X-Forwarded-For, so reading the chain
 * `[...forwardedFor, peer]` from the right, the peer and the next `trustedProxies - 1` entries are
 * our proxies and the one after them is the client. Everything further left was written by the
 * client and is ignored: a client that rotates the header does not change its address. A chain
 * shorter than expected (a request that did not pass all the proxies) yields its leftmost entry.
 */
export function clientAddress(peer: string, forwardedFor: string | null | undefined, trustedProxies: number): string {
  const chain = [...(forwardedFor ?? "").split(","), peer].map((a) => a.trim()).filter(Boolean);
  const address = chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? "unknown";
  return normalizeAddress(address);
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is 10.0.0.1; `[::1]:443` and `10.0.0.1:80` lose the port. */
export function normalizeAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = address.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && address.slice(7).includes(".")) address = address.slice(7);
  return address.slice(0, 64);
}

/**
 * The key an address is budgeted under: an IPv4 address as it is, an IPv6 one by its /64 prefix,
 * since one subscriber usually holds a whole /64 and could rotate through it at no cost.
 */
export function addressBucket(address: string): string {
  if (!address.includes(":")) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, zone dropped), or null if it is not one. */
function expandIpv6(address: string): string[] | null {
  const bare = address.split("%")[0]!;
  const halves = bare.split("::");
  if (halves.length > 2) return null;
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}
