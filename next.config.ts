import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PERMISSIONS_POLICY } from "./lib/http/permissions-policy";

// Headers for every response. Pages get their Content-Security-Policy, with a per-request script
// nonce, from proxy.ts; mail HTML is a document of its own (app/api/messages/html) with a
// stricter policy that lets only Postern frame it; attachments and source set theirs in their
// routes.
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
];

// Everything but the message frame documents (mail's and news'), which Postern's pages must be able to frame.
const NOT_THE_FRAME = "/:path((?!api/(?:messages|news)/html$).*)";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "imapflow",
    "mailparser",
    "nodemailer",
    "sanitize-html",
    // One registry and one logger per process (lib/observability): loaded from node_modules, not
    // copied into each route's bundle.
    "prom-client",
    "pino",
    // CardDAV (lib/carddav): undici's agent pools sockets per process
    "tsdav",
    "undici",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      { source: NOT_THE_FRAME, headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      // API answers are data, never documents to run or frame. The routes that serve message
      // content set a policy of their own, which a header here would replace, not add to.
      {
        source: "/api/:path((?!messages/(?:html|attachment|derived-attachment|source)$|news/(?:html|part)$|image-proxy$).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
    ];
  },
};

// next-intl reads each request's language and catalog from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
