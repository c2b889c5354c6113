"use client";

import { setNonce } from "get-nonce";

/**
 * Hands this page's CSP nonce to get-nonce, through which Radix's scroll lock (react-remove-scroll,
 * behind every dialog, select and menu) stamps the <style> element it inserts; without it the CSP
 * refuses that element and an open dialog lets the page behind it scroll. get-nonce arrives with
 * Radix, one copy for both. Set during render so it is in place before any dialog can open; only
 * in the browser, since on the server it would be one module-wide value shared by all requests.
 */
export function StyleNonce({ nonce }: { nonce: string | undefined }) {
  if (nonce && typeof window !== "undefined") setNonce(nonce);
  return null;
}
