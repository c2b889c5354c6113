"use client";

import { useEffect } from "react";

import { LAST_ORG_COOKIE } from "./last-org-cookie";

/** Remembers the org last worked in, so signing in again lands there instead of the alphabetically first. */
export function RememberOrg({ slug }: { slug: string }) {
  useEffect(() => {
    document.cookie = `${LAST_ORG_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }, [slug]);
  return null;
}
