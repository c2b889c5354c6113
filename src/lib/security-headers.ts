/**
 * The security headers of every response (ARCHITECTURE.md "Security headers"). The static ones
 * come from next.config.ts `headers()`, so static files and Next's own responses carry them too;
 * the Content-Security-Policy needs a fresh nonce per request and comes from src/proxy.ts. No `@/`
 * imports: next.config.ts loads this file before any path alias exists.
 */

/** The request header through which the proxy hands the nonce to the root layout. */
export const NONCE_HEADER = "x-nonce";

/**
 * Browser features the app never uses, refused for it and for anything it might embed. Only
 * features Chromium, Firefox and Safari all recognise: an unknown name is a console error on
 * every page.
 */
const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export const STATIC_SECURITY_HEADERS = [
  // frame-ancestors 'none' in the CSP says the same to browsers that read CSP; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
];

/**
 * Sent only over https (a browser ignores it over http anyway). No includeSubDomains or preload:
 * those commit every other host of the operator's domain, which is their decision, not ours.
 */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=31536000" };

/**
 * sha256 of the stylesheet sonner (the toasts) inserts as a <style> element when its module loads,
 * with no way to give it a nonce. `security-headers.test.ts` recomputes it from the installed
 * sonner, so an upgrade that changes the CSS fails there rather than silently unstyling toasts.
 */
export const SONNER_STYLE_HASH = "sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY=";
/** sha256 of "": sonner appends its <style> empty and fills it after, and the empty one is checked too. */
export const EMPTY_STYLE_HASH = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

type PolicyOptions = { dev: boolean; https: boolean };

/**
 * Scripts: only those carrying this request's nonce (Next puts it on its own inline and chunk
 * scripts; the root layout on the theme script), and what they load ('strict-dynamic': Next loads
 * route chunks by inserting <script> elements). Styles: our stylesheets ('self'), <style> elements
 * with the nonce (Radix's scroll lock gets it through get-nonce, see StyleNonce) or sonner's hash.
 * No 'unsafe-eval' in production: zod's probe for it is switched off (src/instrumentation-client.ts).
 * Style *attributes* must stay open ('unsafe-inline' in style-src-attr only): React renders the
 * `style` props of our components, Radix's popper positioning and Recharts' charts as style=""
 * attributes in the server HTML. A style attribute can restyle a page but not run script, and
 * keeping it out of style-src keeps injected <style> elements (CSS-based exfiltration) refused.
 * In development, Next's overlay and React's debugging need eval and unhashed inline styles.
 */
export function contentSecurityPolicy(nonce: string, { dev, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}' '${SONNER_STYLE_HASH}' '${EMPTY_STYLE_HASH}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (a local install) upgrading would break every subresource.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * 122 random bits as 32 hex digits: unguessable, of the shape Next looks for in the CSP, and from
 * Node's buffered UUID generator, about 1 µs where getRandomValues per call took 10 µs.
 */
export function createNonce(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/**
 * True when a path holds a percent-escape that is not UTF-8 (`%E0%A4%A`, `%E0`, `%ZZ`). Next
 * decodes dynamic route segments and, failing, tries to render a 400 page that an App Router-only
 * app does not have, so it answered a bare 500; such a URL is the client's mistake. (The query
 * needs no check: Next has already re-encoded it leniently by the time the proxy sees it, `%E0`
 * read as Latin-1 "à", and nothing downstream throws on it.) The '%' test first: most paths have
 * none, and then nothing is decoded.
 */
export function hasMalformedEncoding(path: string): boolean {
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
