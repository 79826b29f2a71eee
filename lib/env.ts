import path from "node:path";
import { z } from "zod";

const tlsMode = z.enum(["starttls", "tls", "none"]);
const bool = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const schema = z.object({
  POSTERN_DATA_DIR: z.string().default("data"),
  DATABASE_URL: z.string().optional(),
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
  /** The news server (NNTP, issue 24) users get unless they set their own in Settings. */
  NNTP_HOST: z.string().default("127.0.0.1"),
  NNTP_PORT: z.coerce.number().int().min(1).max(65535).default(3119),
  NNTP_TLS: tlsMode.default("starttls"),
});

export type Config = z.infer<typeof schema> & { dataDir: string; databaseFile: string };

let cached: Config | undefined;

/** Reads and validates the environment once. @throws ZodError naming the bad variable. */
export function getConfig(): Config {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  const dataDir = path.resolve(parsed.POSTERN_DATA_DIR);
  const url = parsed.DATABASE_URL ?? `file:${path.join(dataDir, "postern.db")}`;
  cached = { ...parsed, dataDir, databaseFile: url.replace(/^file:/, "") };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
