import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page renders per request, the 404 page included: proxy.ts gives each response a fresh CSP
// nonce, and Next can only put it on its scripts while rendering. A prerendered page's scripts
// would carry none and be blocked.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Postern",
  description: "Webmail for your team's own mail server",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
