import { NNTP_CONNECT_TIMEOUT_MS, NNTP_IDLE_TIMEOUT_MS, NNTP_MAX_LINE_BYTES } from "@/lib/limits";
import { LineConnection, type LineProtocolErrors, type LineSecurity, type LineTlsSettings } from "@/lib/net/line-connection";
import { NntpConnectionError, NntpProtocolError } from "./errors";

// Postern's NNTP client (RFC 3977) on the shared line-protocol transport (lib/net/line-connection).
// npm's NNTP clients were no fit: `nntp` and `node-nntp` are unmaintained since 2014-2016, and
// `newsie` (AGPL) decodes the stream as UTF-8, re-scans its whole buffer on every chunk and has no
// timeouts. Commands live in commands/.

export type NntpResponse = { code: number; text: string };
export type NntpSecurity = LineSecurity;
export type NntpTlsSettings = LineTlsSettings;

export type NntpConnectOptions = {
  host: string;
  port: number;
  /** "tls": TLS from the first byte (port 563); "starttls" is done by openNewsSession. */
  security: NntpSecurity;
  tls: NntpTlsSettings;
  connectTimeoutMs?: number;
  /** Silence from the server for this long while Postern waits for it ends the connection. */
  idleTimeoutMs?: number;
  maxLineBytes?: number;
};

const STATUS = /^([1-5][0-9][0-9])(?:[ \t](.*))?$/;

/** Parses a status line ("211 3 1 3 misc.test"). @throws NntpProtocolError when it is none */
export function parseStatus(line: Buffer): NntpResponse {
  const text = line.toString("utf8");
  const m = STATUS.exec(text);
  if (!m) throw new NntpProtocolError(`The news server sent something that is not an NNTP answer: "${text.slice(0, 80)}"`);
  return { code: Number(m[1]), text: (m[2] ?? "").trim() };
}

const nntpErrors = (opts: NntpConnectOptions): LineProtocolErrors => ({
  unreachable: (cause) => new NntpConnectionError(`The news server ${opts.host}:${opts.port} cannot be reached.`, { cause }),
  tlsFailed: (cause) => new NntpConnectionError("The TLS handshake with the news server failed.", { cause }),
  socketFailed: (cause) => new NntpConnectionError("The connection to the news server failed.", { cause }),
  silent: () => new NntpConnectionError("The news server stopped answering."),
  closedByServer: () => new NntpConnectionError("The news server closed the connection."),
  closedByPostern: () => new NntpConnectionError("The connection to the news server was closed."),
  lineTooLong: (max) => new NntpProtocolError(`The news server sent a line longer than ${max} bytes.`, "too-large"),
  blockTooLarge: (max) => new NntpProtocolError(`The news server's answer is larger than ${max} bytes.`, "too-large"),
  lineBreakInCommand: () => new NntpProtocolError("An NNTP command may not contain line breaks."),
});

export class NntpConnection {
  private constructor(private readonly line: LineConnection) {}

  /** Opens the TCP (or TLS) connection and reads the greeting.
   * @throws NntpConnectionError when the server cannot be reached or says nothing */
  static async open(opts: NntpConnectOptions): Promise<{ connection: NntpConnection; greeting: NntpResponse }> {
    const line = await LineConnection.open(
      {
        ...opts,
        connectTimeoutMs: opts.connectTimeoutMs ?? NNTP_CONNECT_TIMEOUT_MS,
        idleTimeoutMs: opts.idleTimeoutMs ?? NNTP_IDLE_TIMEOUT_MS,
        maxLineBytes: opts.maxLineBytes ?? NNTP_MAX_LINE_BYTES,
      },
      nntpErrors(opts),
    );
    const connection = new NntpConnection(line);
    try {
      return { connection, greeting: parseStatus(await line.readLine()) };
    } catch (e) {
      connection.close();
      throw e;
    }
  }

  get closed(): boolean {
    return this.line.closed;
  }

  /** Sends one command line and reads its status line. */
  command(text: string): Promise<NntpResponse> {
    return this.line.exchange(async () => {
      this.line.writeLine(text);
      return parseStatus(await this.line.readLine());
    });
  }

  /**
   * Sends a command whose answer carries a dot-terminated block when its status is in `blockCodes`
   * (e.g. 224 for OVER). Lines come dot-unstuffed and without line ends.
   * @throws NntpProtocolError too-large when the block passes maxBytes (the connection is closed)
   */
  commandWithBlock(text: string, blockCodes: readonly number[], maxBytes: number): Promise<{ response: NntpResponse; lines: Buffer[] | null }> {
    return this.line.exchange(async () => {
      this.line.writeLine(text);
      const response = parseStatus(await this.line.readLine());
      if (!blockCodes.includes(response.code)) return { response, lines: null };
      return { response, lines: await this.line.readBlock(maxBytes) };
    });
  }

  /** Sends a dot-terminated block (POST's article, after its 340) and reads the status line. */
  sendBlock(lines: readonly Buffer[]): Promise<NntpResponse> {
    return this.line.exchange(async () => {
      this.line.writeBlock(lines);
      return parseStatus(await this.line.readLine());
    });
  }

  /** Replaces the socket with TLS over it, after the server's 382 to STARTTLS (RFC 4642). */
  upgradeTls(): Promise<void> {
    return this.line.upgradeTls();
  }

  /** Says QUIT without waiting and closes the socket. */
  close(): void {
    this.line.close("QUIT");
  }
}
