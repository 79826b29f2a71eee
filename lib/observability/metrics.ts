import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Postern's Prometheus metrics. One registry per process, kept on globalThis: Next bundles this
 * module into several chunks (each route, instrumentation.ts), and a module-level registry would
 * exist once per chunk, each seeing only part of the traffic. Several processes each report their
 * own numbers; Prometheus sums them. No label ever carries user data (addresses, folders, ids):
 * only route patterns, IMAP verbs and small fixed sets, so label sets stay bounded.
 */
export type PosternMetrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  imapCommandDuration: Histogram<"command">;
  imapCommandErrors: Counter<"command" | "kind">;
  imapPoolConnections: Gauge;
  imapPoolMax: Gauge;
  liveWatchers: Gauge;
  sessionsActive: Gauge;
  signIns: Counter<"result">;
  sends: Counter<"result">;
  readLinksSent: Counter;
  readLinksOpened: Counter;
  spamVerdicts: Counter<"verdict">;
  spamLearned: Counter<"label">;
};

/** Seconds; from a cached list page (~5 ms) to a slow search or send (~10 s). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const IMAP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createMetrics(): PosternMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "postern_http_request_duration_seconds",
      help: "HTTP requests by route pattern (not the raw URL), method and status, until the response ended",
      labelNames: ["method", "route", "status"],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    imapCommandDuration: new Histogram({
      name: "postern_imap_command_duration_seconds",
      help: "IMAP commands, from issue to tagged reply (queueing on the connection included; IDLE excluded)",
      labelNames: ["command"],
      buckets: IMAP_BUCKETS,
      registers,
    }),
    imapCommandErrors: new Counter({
      name: "postern_imap_command_errors_total",
      help: "IMAP commands that failed: kind no/bad (server refusal), connection, or other",
      labelNames: ["command", "kind"],
      registers,
    }),
    imapPoolConnections: new Gauge({ name: "postern_imap_pool_connections", help: "IMAP command connections open in this process (one per active session)", registers }),
    imapPoolMax: new Gauge({ name: "postern_imap_pool_max", help: "IMAP_MAX_CONNECTIONS of this process", registers }),
    liveWatchers: new Gauge({ name: "postern_live_watchers", help: "Accounts this process watches for live updates (one IDLE connection each)", registers }),
    sessionsActive: new Gauge({ name: "postern_sessions_active", help: "Signed-in sessions used within SESSION_IDLE_MINUTES (shared database: the same in every process)", registers }),
    signIns: new Counter({ name: "postern_sign_ins_total", help: "Sign-in attempts by result", labelNames: ["result"], registers }),
    sends: new Counter({ name: "postern_sends_total", help: "Queued messages this process submitted: sent, or failed", labelNames: ["result"], registers }),
    readLinksSent: new Counter({ name: "postern_read_links_sent_total", help: "One-time read links created (one per recipient)", registers }),
    readLinksOpened: new Counter({ name: "postern_read_links_opened_total", help: "One-time read links opened (first opening only)", registers }),
    spamVerdicts: new Counter({ name: "postern_spam_verdicts_total", help: "New INBOX messages judged by the spam filter: spam, unsure or ham", labelNames: ["verdict"], registers }),
    spamLearned: new Counter({ name: "postern_spam_learned_total", help: "Messages the spam filter learned, by label", labelNames: ["label"], registers }),
  };
}

const KEY = Symbol.for("postern.metrics");
const holder = globalThis as unknown as { [KEY]?: PosternMetrics };

/** The process's metrics (created on first use). */
export function getMetrics(): PosternMetrics {
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}
