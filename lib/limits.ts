/** Messages per list page: what a screen shows; every list request costs O(PAGE_SIZE), never O(mailbox). */
export const PAGE_SIZE = 50;

/** Largest message Postern will parse for display. Bigger ones still list and download; the body view
 * says it is too large rather than tying up memory and the IMAP connection for minutes. */
export const MAX_PARSE_BYTES = 64 * 1024 * 1024;

/** Idle IMAP connections are closed after this long: Dovecot holds 1-12 MiB per open connection. */
export const IMAP_IDLE_CLOSE_MS = 5 * 60 * 1000;

/** How long a resolved session (cookie -> session record -> decrypted credentials) is reused
 * before it is read again; also how late a session ended by another process is noticed. */
export const SESSION_CACHE_MS = 5_000;

/** How long the session id read from a Cookie header (Auth.js's encrypted JWT) is reused. The
 * session it names is still checked every SESSION_CACHE_MS, so ending a session anywhere still
 * takes effect within that time; this only spares the JWE decryption, which a reader clicking
 * every few seconds otherwise paid on most requests (bench row 4-200-paced: 6.0 -> 3.9 ms CPU per
 * request). A JWT that expires meanwhile is honoured this much longer at most. */
export const SESSION_TOKEN_CACHE_MS = 60_000;

/** List rows kept in memory without their flags (lib/imap/fetch-summaries.ts), all users together:
 * about 0.4 KiB each, so the cap bounds the cache near 20 MiB. */
export const SUMMARY_CACHE_ENTRIES = 50_000;

/** List ranges whose flags one connection remembers, to ask only for what changed since
 * (CONDSTORE; lib/imap/page-flags.ts): ~0.5 KiB each, so ~16 KiB per session at most. */
export const PAGE_FLAG_SNAPSHOTS = 32;

/** UIDs of one search or sort a connection remembers (lib/imap/ordered-uids.ts), so paging
 * through results does not search again: 4 bytes each, 400 KiB for a 100,000-message folder,
 * dropped with the connection. Larger results are not kept. */
export const REMEMBERED_UIDS_MAX = 1_000_000;

/** IMAP connections being opened at once; more wait their turn. After a server restart every
 * session reconnects on its next request: unbounded, the burst of TLS handshakes and LOGINs makes
 * them all time out together instead of most succeeding. */
export const IMAP_MAX_CONCURRENT_CONNECTS = 16;

/** Time to open a TCP/TLS connection to the mail server before saying it is unreachable. */
export const IMAP_CONNECT_TIMEOUT_MS = 10_000;

/** Failed sign-ins at one account from one client address in LOGIN_WINDOW_MS, before Postern
 * refuses that pair without even asking the IMAP server (stops password guessing through Postern).
 * Never per account alone: that would let anyone lock the owner out (OWASP). */
export const LOGIN_MAX_ATTEMPTS = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins from one client address, whatever the accounts, in LOGIN_WINDOW_MS: one address
 * guessing at many accounts. Higher than LOGIN_MAX_ATTEMPTS, since many people may share an
 * address (an office behind NAT, or every user when TRUST_PROXY is unset behind a proxy). */
export const LOGIN_MAX_ATTEMPTS_PER_ADDRESS = 30;

/** Bytes asked per partial FETCH when streaming (imapflow holds each piece in memory): its 64 KiB
 * default costs a FETCH per 64 KiB. A 20 MB attachment in 1 MiB pieces took 816 ms at best, in
 * 4 MiB 559 ms, in 8 MiB 487 ms, whole 464 ms (raw imapflow, best of 6, a loaded machine): 4 MiB
 * gets most of the gain for a quarter of 8 MiB's memory per download. */
export const DOWNLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

/** Unknown read-link tokens one client address may try in READ_LINK_GUESS_WINDOW_MS before the
 * reveal page and endpoint refuse it for a while: 128-bit tokens are not guessable, this keeps
 * scanners from trying anyway. */
export const READ_LINK_MAX_GUESSES = 20;
export const READ_LINK_GUESS_WINDOW_MS = 15 * 60 * 1000;

/** How often a live watcher asks STATUS of the folders its user's tabs show but it is not IDLE in
 * (and INBOX): one round trip per folder, only while a tab is open. */
export const LIVE_STATUS_INTERVAL_MS = 30_000;

/** A watcher outlives its last tab this long, so clicking to another folder (which reopens the
 * event stream) does not cost a new IMAP login. */
export const LIVE_LINGER_MS = 15_000;

/** Comment line on every open event stream: keeps proxies from closing it and notices a tab that
 * went away or a session that ended. */
export const LIVE_HEARTBEAT_MS = 25_000;

/** Longest wait between two attempts to reconnect a dropped watcher (starts at 1 s, doubles). */
export const LIVE_RECONNECT_MAX_MS = 30_000;

/** Largest remote image the image proxy passes on: a mail's images are rarely over 1 MB; more is
 * a way to make Postern download for someone. */
export const IMAGE_PROXY_MAX_BYTES = 5 * 1024 * 1024;
/** Time for one proxied image, redirects included: a slow server must not hold a request open. */
export const IMAGE_PROXY_TIMEOUT_MS = 10_000;
/** Redirects the proxy follows (each target checked again): tracking links chain one or two. */
export const IMAGE_PROXY_MAX_REDIRECTS = 3;

/** NNTP (lib/nntp): connect and per-answer silence limits. A server that stops sending for this
 * long is treated as gone; a page never waits on it longer. */
export const NNTP_CONNECT_TIMEOUT_MS = 10_000;
export const NNTP_IDLE_TIMEOUT_MS = 20_000;
/** Longest line Postern reads from a news server. RFC 3977 allows 512-byte status lines, but
 * article and overview lines have no limit in practice; 1 MiB bounds a runaway line. */
export const NNTP_MAX_LINE_BYTES = 1024 * 1024;
/** Largest article fetched for reading: news servers commonly cap posts far lower (INN: 1 MB). */
export const NNTP_MAX_ARTICLE_BYTES = 32 * 1024 * 1024;
/** Largest list answer (LIST ACTIVE/NEWSGROUPS, OVER of a page): a full Usenet active file is ~4 MB. */
export const NNTP_MAX_LIST_BYTES = 16 * 1024 * 1024;
/** Articles per page of a group: OVER asks for this many numbers, so a page costs the same in a
 * 10-article group and a 10-million-article one. */
export const NEWS_PAGE_SIZE = 50;

/** Accounts a user may add beside their own (issue 22): each is a pooled IMAP connection while
 * used and a unified-inbox fetch on every page, so the number stays small. */
export const MAIL_ACCOUNTS_MAX = 10;
/** Adding or testing an account connects to a server the user typed: a few tries per window
 * (ACCOUNT_CHECKS_PER_15_MIN, default 10), so Postern cannot be used to probe or brute-force
 * other servers. Counted per user, in the database. */
export const ACCOUNT_CHECK_WINDOW_MS = 15 * 60 * 1000;

/** Address-book entries (people and groups) one account keeps (issue 22): a person's real address
 * book is hundreds; the cap bounds the rows a search, export or sync walks. */
export const MAX_CONTACT_CARDS = 5000;

/** Addresses and phone numbers on one card: more than any real person has, few enough that a
 * hostile vCard cannot make one row huge. */
export const MAX_CARD_EMAILS = 20;
export const MAX_CARD_PHONES = 20;

/** A contact's photo, after decoding: a 512 x 512 JPEG is ~60 KiB; a camera original is not a
 * contact photo and would sit in every export and sync. */
export const MAX_CONTACT_PHOTO_BYTES = 256 * 1024;

/** A .vcf file imported at once (below Next's 1 MB server-action body limit): thousands of cards
 * without photos, or a few hundred with. */
export const MAX_VCARD_IMPORT_BYTES = 900 * 1024;

/** POP3 collection (lib/pop3): connect and per-answer silence limits, as for NNTP. */
export const POP3_CONNECT_TIMEOUT_MS = 10_000;
export const POP3_IDLE_TIMEOUT_MS = 30_000;
/** Longest line read from a POP3 server: RFC 1939 caps status lines at 512 bytes, message lines
 * are unlimited in practice (base64 is 76, broken HTML can be one long line); 1 MiB bounds a runaway. */
export const POP3_MAX_LINE_BYTES = 1024 * 1024;
/** Largest message collected: as big as most providers accept (Gmail 50 MB incoming with encoding
 * overhead); a larger one is left on the server and reported, never half stored. */
export const POP3_MAX_MESSAGE_BYTES = 50 * 1024 * 1024;
/** Largest UIDL/LIST answer: about 70 bytes a message, so a mailbox of ~200k messages. */
export const POP3_MAX_LISTING_BYTES = 16 * 1024 * 1024;
/** Work of one fetch run: a first run against a mailbox of 10k messages collects in many runs,
 * each short enough that its lease, the IMAP connection and the server's own timeouts stay fresh. */
export const POP3_FETCH_MAX_MESSAGES = 200;
export const POP3_FETCH_MAX_BYTES = 100 * 1024 * 1024;
/** How often the server fetches each account while its owner has a live session. */
export const POP3_FETCH_INTERVAL_MS = 5 * 60_000;
/** A fetch run's claim on its account: renewed after each message, so a process that died frees
 * the account after this long. */
export const POP3_FETCH_LEASE_MS = 2 * 60_000;
/** Connection tests of user-typed POP3 servers (adding an account) per user in POP3_TEST_WINDOW_MS:
 * each makes Postern connect somewhere and try a password, so they are counted whether they work
 * or not (a user probing hosts or guessing a remote password is slowed like a sign-in guesser). */
export const POP3_TEST_MAX_ATTEMPTS = 10;
export const POP3_TEST_WINDOW_MS = 15 * 60 * 1000;
