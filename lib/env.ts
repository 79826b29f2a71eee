import path from "node:path";
import { z } from "zod";

const tlsMode = z.enum(["starttls", "tls", "none"]);
const bool = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const schema = z.object({
  POSTERN_DATA_DIR: z.string().default("data"),
  /** file:PATH (SQLite, the default: <POSTERN_DATA_DIR>/postern.db) or postgresql://... */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must be file:PATH (SQLite) or postgresql://USER:PASSWORD@HOST:PORT/DB")
    .optional(),
  POSTERN_SECRET_KEY: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  IMAP_HOST: z.string().default("127.0.0.1"),
  IMAP_PORT: z.coerce.number().int().min(1).max(65535).default(3143),
  IMAP_TLS: tlsMode.default("starttls"),
  SMTP_HOST: z.string().default("127.0.0.1"),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(3587),
  SMTP_TLS: tlsMode.default("starttls"),
  /** ManageSieve (RFC 5804), where Postern uploads the user's filters and vacation reply; the
   * server is IMAP_HOST's. */
  SIEVE_PORT: z.coerce.number().int().min(1).max(65535).default(4190),
  SIEVE_TLS: z.enum(["starttls", "none"]).default("starttls"),
  /** Users whose open tabs are watched live (one IDLE connection each) at once; more wait for a
   * free place and meanwhile see mail on reload only. */
  LIVE_MAX_WATCHERS: z.coerce.number().int().min(0).default(200),
  /** PEM file of an extra CA to trust for IMAP/SMTP TLS (the lab's self-signed certificate). */
  MAIL_CA_FILE: z.string().optional(),
  /** Escape hatch for servers with broken certificates. Never the default. */
  MAIL_TLS_INSECURE: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  IMAP_MAX_CONNECTIONS: z.coerce.number().int().positive().default(200),
  /** Checks of other IMAP/SMTP accounts (adding or testing one) a user may make per 15 minutes:
   * each makes Postern connect to a server the user typed. */
  ACCOUNT_CHECKS_PER_15_MIN: z.coerce.number().int().positive().default(10),
  /** Reverse proxies in front of Postern whose X-Forwarded-For entries are believed. */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Domain appended to a bare user name at sign-in ("alice" -> "alice@example.test"). */
  LOGIN_DOMAIN: z.string().optional(),
  /** Largest message a user may send, in MB (attachments included, after encoding); the SMTP
   * server's SIZE limit applies too when it is smaller. */
  MAX_MESSAGE_MB: z.coerce.number().positive().max(1024).default(25),
  /** Seconds a sent message waits on the server before it goes out, during which "Undo" returns it
   * to the composer; 0 sends at once (no undo). */
  SEND_DELAY_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  /** Postern's public address (https://mail.example.com) for the one-time read links it mails
   * out; unset, the address the sender's browser used is taken. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Whether the IP address of whoever opens a read link is recorded (off: time and browser
   * family only). */
  READ_LINK_RECORD_IP: bool.default(false),
  /** Tests only: lets the image proxy fetch from 127.0.0.1/::1, where the test image servers
   * listen. Never set it in production: it opens Postern's own services to any message. */
  IMAGE_PROXY_ALLOW_LOOPBACK: bool.default(false),
  /** Addresses users may send as without confirming them by mail, besides their login address:
   * comma-separated exact addresses, "@example.com" (a whole domain) or "@%d" (the login's own
   * domain). Any other identity address needs the link Postern mails to it. */
  IDENTITY_ALLOWED_ADDRESSES: z.string().default(""),
  /** Two-factor sign-in required: "1" for everyone, or comma-separated login domains. Users
   * without a second factor enrol at their next sign-in, before they can read mail. */
  REQUIRE_2FA: z.string().default(""),
  /** DNS blocklists the spam filter asks about a message's originating IP: "zone[=points], ..."
   * (none by default; a listing adds 2 points unless given). */
  SPAM_DNSBL_ZONES: z.string().default(""),
  /** DNS server for those lookups ("127.0.0.1:53"); unset, the system's resolver. */
  SPAM_DNSBL_SERVER: z.string().optional(),
  /** Longest wait for a blocklist's answer, in milliseconds (a list that misses it rests 5 min). */
  SPAM_DNSBL_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1000),
  /** The news server (NNTP, issue 24) users get unless they set their own in Settings. */
  NNTP_HOST: z.string().default("127.0.0.1"),
  NNTP_PORT: z.coerce.number().int().min(1).max(65535).default(3119),
  NNTP_TLS: tlsMode.default("starttls"),
  /** Internal servers users may type as their IMAP, SMTP, POP3, CardDAV or news server, which are
   * otherwise refused (SSRF, lib/net/user-host.ts): comma-separated host names (matched as typed),
   * IP addresses or CIDR ranges ("mail.internal, 10.1.0.0/16"). Empty: public addresses only. */
  INTERNAL_HOSTS: z.string().default(""),
  /** Addresses (comma-separated, exact, any case) whose sessions may open /admin. */
  ADMIN_EMAILS: z.string().default(""),
  /** Bearer token that opens /metrics to a scraper on another machine (loopback needs none). */
  METRICS_TOKEN: z
    .union([z.literal(""), z.string().min(16, "METRICS_TOKEN must be at least 16 characters")])
    .optional()
    .transform((v) => v || undefined),
});

export type Config = z.infer<typeof schema> & {
  dataDir: string;
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgresql";
  /** The SQLite file (meaningless with PostgreSQL). */
  databaseFile: string;
};

let cached: Config | undefined;

/** Reads and validates the environment once. @throws ZodError naming the bad variable. */
export function getConfig(): Config {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  const dataDir = path.resolve(parsed.POSTERN_DATA_DIR);
  const url = parsed.DATABASE_URL ?? `file:${path.join(dataDir, "postern.db")}`;
  const databaseProvider = url.startsWith("file:") ? "sqlite" : "postgresql";
  cached = { ...parsed, dataDir, databaseUrl: url, databaseProvider, databaseFile: url.replace(/^file:/, "") };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
