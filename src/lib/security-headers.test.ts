import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, createNonce, EMPTY_STYLE_HASH, hasMalformedEncoding, SONNER_STYLE_HASH } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, and refuses framing, plugins, foreign bases and form targets", () => {
    const csp = directives(contentSecurityPolicy("abc123==", { dev: false, https: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("style-src")).toBe(`'self' 'nonce-abc123==' '${SONNER_STYLE_HASH}' '${EMPTY_STYLE_HASH}'`);
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("upgrades insecure requests only over https, and opens eval and inline styles only in development", () => {
    expect(directives(contentSecurityPolicy("n", { dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
    const dev = directives(contentSecurityPolicy("n", { dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toBe("'self' 'unsafe-inline'");
  });
});

describe("createNonce", () => {
  it("is 32 hex digits, the shape Next extracts from the CSP, and new each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("hasMalformedEncoding", () => {
  it.each(["/%E0%A4%A", "/deals/%E0%A4%A", "/rendetalje/deals/%E0", "/x/%ZZ", "/%"])("refuses %s", (url) => {
    expect(hasMalformedEncoding(url)).toBe(true);
  });

  it.each(["/", "/rendetalje/deals", "/invite/abc%20def", "/a%2Fb", "/%E0%A4%A4", "/caf%C3%A9"])("accepts %s", (url) => {
    expect(hasMalformedEncoding(url)).toBe(false);
  });
});

describe("SONNER_STYLE_HASH", () => {
  it("is the hash of the stylesheet the installed sonner inserts (recompute it here after an upgrade)", () => {
    expect(`sha256-${createHash("sha256").update("").digest("base64")}`).toBe(EMPTY_STYLE_HASH);
    const require = createRequire(import.meta.url);
    const source = fs.readFileSync(require.resolve("sonner"), "utf8");
    const literal = /\n__insertCSS\(("(?:[^"\\]|\\.)*")\);/.exec(source)?.[1];
    expect(literal, "sonner no longer inserts its CSS with __insertCSS: check how it styles toasts now").toBeDefined();
    const css = JSON.parse(literal!) as string;
    expect(`sha256-${createHash("sha256").update(css).digest("base64")}`).toBe(SONNER_STYLE_HASH);
  });
});
