import "./globals.css";

import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { AppToaster } from "@/components/theme/app-toaster";
import { StyleNonce } from "@/components/theme/style-nonce";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import { NONCE_HEADER } from "@/lib/security-headers";

export const metadata: Metadata = {
  title: { default: "Momentum", template: "%s · Momentum" },
  description: "The open-source sales CRM where no open deal is ever without a next step.",
  applicationName: "Momentum",
  // Installable on a phone's home screen (public/manifest.webmanifest); iOS takes its own icon.
  // The favicon is app/icon.svg; scripts/make-icons.mts draws the PNGs in public/ from it.
  manifest: "/manifest.webmanifest",
  // Listed here because an `icons` entry replaces the link Next would make for app/icon.svg.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Momentum", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

/**
 * Reads the CSP nonce that src/proxy.ts generated for this request: the theme script runs only
 * with it. Reading a request header makes every page render per request, which a nonce requires
 * anyway (a prerendered page would carry no nonce, so the CSP would refuse its scripts).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The head script changes the class before React hydrates, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <StyleNonce nonce={nonce} />
        {children}
        <AppToaster />
      </body>
    </html>
  );
}
