import "./globals.css";

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { AppToaster } from "@/components/theme/app-toaster";
import { THEME_SCRIPT } from "@/components/theme/theme-script";

export const metadata: Metadata = {
  title: { default: "Momentum", template: "%s · Momentum" },
  description: "The open-source sales CRM where no open deal is ever without a next step.",
  applicationName: "Momentum",
  // Installable on a phone's home screen (public/manifest.webmanifest); iOS takes its own icon.
  // The favicon is app/icon.svg; scripts/make-icons.mts draws the PNGs in public/ from it.
  manifest: "/manifest.webmanifest",
  icons: { apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Momentum", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The head script changes the class before React hydrates, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        {children}
        <AppToaster />
      </body>
    </html>
  );
}
