import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequest } from "./request-context";

/**
 * Paths pino blanks in anything logged, as a second line of defence: Postern's own log calls
 * build their fields from an allow-list (request-log.ts, safeError), so these should never be
 * reached. Credentials, session and CSRF tokens, read-link secrets, cookies and message content.
 */
export const REDACT_PATHS = [
  "password", "*.password", "pass", "*.pass",
  "token", "*.token", "secret", "*.secret", "csrf", "*.csrf", "csrfToken", "*.csrfToken",
  "cookie", "*.cookie", "authorization", "*.authorization",
  "headers", "*.headers", "credentials", "*.credentials",
  "body", "*.body", "text", "*.text", "html", "*.html", "raw", "*.raw", "source", "*.source",
];

/** A Postern logger writing JSON lines to `destination` (stdout unless given: tests capture it). */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: logLevel(process.env.LOG_LEVEL),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    // Log calls pass the raw error as `err`; safeError keeps what may be logged. pino's own
    // serializer would copy every enumerable property (imapflow puts the server's response there).
    serializers: { err: safeError },
    formatters: { level: (label: string) => ({ level: label }) },
    // Whatever is logged while a request is served carries its id (request-context.ts).
    mixin: () => {
      const request = currentRequest();
      return request ? { reqId: request.reqId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** LOG_LEVEL if it names a level, else "info" (a typo must not stop the server). */
export function logLevel(value: string | undefined): string {
  const level = value?.trim().toLowerCase() ?? "";
  return LEVELS.has(level) ? level : "info";
}

const KEY = Symbol.for("postern.logger");
const holder = globalThis as unknown as { [KEY]?: Logger };

/** The process's logger (one per process, whatever the bundle: see metrics.ts). */
export function getLogger(): Logger {
  holder[KEY] ??= createLogger();
  return holder[KEY];
}

/** For tests: log to `destination` from now on. */
export function setLoggerForTests(destination: DestinationStream): void {
  holder[KEY] = createLogger(destination);
}

/**
 * What of an error may be logged: its type, code, first line of message (with any URL's
 * user:password part and long token-like runs removed) and a short stack (code locations only). Never its other
 * properties, which may hold a server's response, a request, or a message.
 */
export function safeError(e: unknown): { type: string; code?: string; message: string; stack?: string } {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    message: scrub((err.message.split("\n")[0] ?? "").slice(0, 300)),
    stack: err.stack?.split("\n").slice(1, 8).map((l) => l.trim()).join("\n"),
  };
}

/** Removes URL credentials and anything that looks like a token (22+ url-safe characters). */
function scrub(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/g, "//").replace(/[A-Za-z0-9_-]{22,}/g, "[redacted]");
}
