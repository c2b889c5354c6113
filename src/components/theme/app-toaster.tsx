"use client";

import { Toaster } from "sonner";

import { useResolvedDark } from "./use-theme";

/**
 * Sonner's own "system" theme only knows the OS preference; following the class on <html>
 * keeps toasts in step with an explicit Light/Dark choice.
 */
export function AppToaster() {
  const dark = useResolvedDark();
  return <Toaster theme={dark ? "dark" : "light"} position="bottom-right" richColors closeButton duration={5000} />;
}
