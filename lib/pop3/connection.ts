import { POP3_CONNECT_TIMEOUT_MS, POP3_IDLE_TIMEOUT_MS, POP3_MAX_LINE_BYTES } from "@/lib/limits";
import { LineConnection, type LineProtocolErrors, type LineSecurity, type LineTlsSettings } from "@/lib/net/line-connection";
import { Pop3ConnectionError, Pop3ProtocolError, Pop3ResponseError } from "./errors";

// Postern's POP3 client (RFC 1939) on the shared line-protocol transport (lib/net/line-connection).
// npm's POP3 clients were no fit: `node-pop3` (the maintained one) decodes messages as UTF-8
// strings, has no APOP, no STLS and no size limits; `poplib`, `yapople` and `mailpop3` are
// unmaintained for years.

export type Pop3Security = LineSecurity;
export type Pop3TlsSettings = LineTlsSettings;

export type Pop3ConnectOptions = {
  /** The address to connect to (already checked: lib/net/user-host.ts). */
  host: string;
  port: number;
  /** "tls": TLS from the first byte (port 995); "starttls" is done by openPop3Session (STLS). */
  security: Pop3Security;
  /** servername: the name the user typed, for SNI and the certificate check. */
  tls: Pop3TlsSettings;
  connectTimeoutMs?: number;
  /** Silence from the server for this long while Postern waits for it ends the connection. */
  idleTimeoutMs?: number;
  maxLineBytes?: number;
};

/** "+OK text": the text, and the RFC 2449 response code in brackets, if any. */
export type Pop3Reply = { text: string; responseCode: string | null };

const STATUS = /^(\+OK|-ERR)(?:[ \t](.*))?$/i;
const RESP_CODE = /^\[([A-Z0-9/-]{1,40})\]/i;

/** Parses a status line. @throws Pop3ResponseError on -ERR, Pop3ProtocolError when it is neither */
export function parseStatus(line: Buffer, command: string): Pop3Reply {
  const text = line.toString("utf8");
  const m = STATUS.exec(text);
  if (!m) throw new Pop3ProtocolError(`The POP3 server sent something that is not a POP3 answer: "${text.slice(0, 80)}"`);
  const rest = (m[2] ?? "").trim().slice(0, 512);
  const responseCode = RESP_CODE.exec(rest)?.[1]?.toUpperCase() ?? null;
  if (m[1].toUpperCase() === "-ERR") throw new Pop3ResponseError(rest, command, responseCode);
  return { text: rest, responseCode };
}

const pop3Errors = (opts: Pop3ConnectOptions): LineProtocolErrors => ({
  unreachable: (cause) => new Pop3ConnectionError(`The POP3 server ${opts.tls.servername ?? opts.host}:${opts.port} cannot be reached.`, { cause }),
  tlsFailed: (cause) => new Pop3ConnectionError(`The TLS connection to the POP3 server failed: ${cause.message}`, { cause }, "tls"),
  socketFailed: (cause) => new Pop3ConnectionError(`The connection to the POP3 server ${opts.tls.servername ?? opts.host} failed.`, { cause }),
  silent: () => new Pop3ConnectionError("The POP3 server stopped answering."),
  closedByServer: () => new Pop3ConnectionError("The POP3 server closed the connection.", undefined, "closed"),
  closedByPostern: () => new Pop3ConnectionError("The connection to the POP3 server was closed.", undefined, "closed"),
  lineTooLong: (max) => new Pop3ProtocolError(`The POP3 server sent a line longer than ${max} bytes.`, "too-large"),
  blockTooLarge: (max) => new Pop3ProtocolError(`The POP3 server's answer is larger than ${max} bytes.`, "too-large"),
  lineBreakInCommand: () => new Pop3ProtocolError("A POP3 command may not contain line breaks."),
});

export class Pop3Connection {
  private constructor(private readonly line: LineConnection) {}

  /** Opens the TCP (or TLS) connection and reads the greeting (its raw text: APOP needs it).
   * @throws Pop3ConnectionError when the server cannot be reached, fails TLS or says nothing */
  static async open(opts: Pop3ConnectOptions): Promise<{ connection: Pop3Connection; greeting: string }> {
    const line = await LineConnection.open(
      {
        ...opts,
        connectTimeoutMs: opts.connectTimeoutMs ?? POP3_CONNECT_TIMEOUT_MS,
        idleTimeoutMs: opts.idleTimeoutMs ?? POP3_IDLE_TIMEOUT_MS,
        maxLineBytes: opts.maxLineBytes ?? POP3_MAX_LINE_BYTES,
      },
      pop3Errors(opts),
    );
    const connection = new Pop3Connection(line);
    try {
      const greeting = await line.readLine();
      parseStatus(greeting, "greeting");
      return { connection, greeting: greeting.toString("latin1") };
    } catch (e) {
      connection.close();
      throw e instanceof Pop3ResponseError ? new Pop3ConnectionError(`The POP3 server refused the connection: ${e.text}`.slice(0, 300)) : e;
    }
  }

  get closed(): boolean {
    return this.line.closed;
  }

  /** Sends one command line and reads its status line. `shown` replaces the line in errors (PASS).
   * @throws Pop3ResponseError on -ERR */
  command(text: string, shown = text): Promise<Pop3Reply> {
    return this.line.exchange(async () => {
      this.line.writeLine(text);
      return parseStatus(await this.line.readLine(), shown);
    });
  }

  /**
   * Sends a command whose +OK carries a dot-terminated block (CAPA, UIDL, LIST, RETR). Lines come
   * dot-unstuffed (RFC 1939 3) and without line ends.
   * @throws Pop3ResponseError on -ERR; Pop3ProtocolError too-large past maxBytes (connection closed)
   */
  commandWithBlock(text: string, maxBytes: number): Promise<{ reply: Pop3Reply; lines: Buffer[] }> {
    return this.line.exchange(async () => {
      this.line.writeLine(text);
      const reply = parseStatus(await this.line.readLine(), text);
      return { reply, lines: await this.line.readBlock(maxBytes) };
    });
  }

  /** Replaces the socket with TLS over it, after +OK to STLS (RFC 2595 4). */
  upgradeTls(): Promise<void> {
    return this.line.upgradeTls();
  }

  /** Closes without QUIT: the server rolls back this session's DELEs (RFC 1939 6). */
  close(): void {
    this.line.close();
  }
}
