import net from "node:net";
import tls from "node:tls";
import { LineSplitter } from "./line-splitter";

// The transport shared by Postern's line-protocol clients (NNTP, POP3): one socket, one command at
// a time, status lines and dot-terminated blocks read as bytes (articles and messages are 8-bit
// data in any charset), sizes bounded. Each protocol passes its own errors and parses its own
// status lines on top (lib/nntp/connection.ts, lib/pop3/connection.ts).

export type LineSecurity = "tls" | "starttls" | "none";
export type LineTlsSettings = { rejectUnauthorized: boolean; ca?: Buffer; secureContext?: tls.SecureContext; servername?: string };

export type LineConnectOptions = {
  /** The address to connect to (for servers users type, already checked: lib/net/user-host.ts). */
  host: string;
  port: number;
  /** "tls": TLS from the first byte; "starttls" is done by the protocol with upgradeTls(). */
  security: LineSecurity;
  tls: LineTlsSettings;
  connectTimeoutMs: number;
  /** Silence from the server for this long while Postern waits for it ends the connection. */
  idleTimeoutMs: number;
  maxLineBytes: number;
};

/** The errors one protocol throws, worded for its users. */
export type LineProtocolErrors = {
  unreachable(cause: Error): Error;
  tlsFailed(cause: Error): Error;
  socketFailed(cause: Error): Error;
  silent(): Error;
  closedByServer(): Error;
  closedByPostern(): Error;
  lineTooLong(max: number): Error;
  blockTooLarge(max: number): Error;
  lineBreakInCommand(): Error;
};

type Waiter = { resolve: (line: Buffer) => void; reject: (e: Error) => void };
type BlockReader = { lines: Buffer[]; bytes: number; max: number; resolve: (lines: Buffer[]) => void; reject: (e: Error) => void };

const DOT = Buffer.from(".");
const CRLF = Buffer.from("\r\n");

export class LineConnection {
  private socket: net.Socket;
  private splitter: LineSplitter;
  private pending: Buffer[] = [];
  private waiter: Waiter | null = null;
  private block: BlockReader | null = null;
  private failure: Error | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    socket: net.Socket,
    private readonly opts: LineConnectOptions,
    private readonly errors: LineProtocolErrors,
  ) {
    this.socket = socket;
    this.splitter = this.newSplitter();
    this.attach(socket);
  }

  /** Opens the TCP (or TLS) connection. @throws the protocol's unreachable or tlsFailed error */
  static async open(opts: LineConnectOptions, errors: LineProtocolErrors): Promise<LineConnection> {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s =
        opts.security === "tls"
          ? tls.connect({ host: opts.host, port: opts.port, servername: sniName(opts.host), ...opts.tls })
          : net.connect({ host: opts.host, port: opts.port });
      const timer = setTimeout(() => s.destroy(new Error("connect timeout")), opts.connectTimeoutMs);
      s.once(opts.security === "tls" ? "secureConnect" : "connect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (e) => {
        clearTimeout(timer);
        reject(isTlsProblem(e) ? errors.tlsFailed(e) : errors.unreachable(e));
      });
    });
    return new LineConnection(socket, opts, errors);
  }

  get closed(): boolean {
    return this.failure !== null;
  }

  /** Runs one exchange (command and answer) after the ones before it have finished. */
  exchange<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => {
      if (this.failure) throw this.failure;
      return fn();
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  writeLine(line: string): void {
    // A CR or LF inside would let one argument smuggle a second command (e.g. from a user name).
    if (/[\r\n\0]/.test(line)) throw this.errors.lineBreakInCommand();
    this.socket.write(`${line}\r\n`, "utf8");
  }

  /** Writes lines as a dot-terminated block, dot-stuffed (NNTP's POST). */
  writeBlock(lines: readonly Buffer[]): void {
    const parts: Buffer[] = [];
    for (const l of lines) parts.push(l[0] === 0x2e ? Buffer.concat([DOT, l]) : l, CRLF);
    parts.push(Buffer.from(".\r\n"));
    this.socket.write(Buffer.concat(parts));
  }

  readLine(): Promise<Buffer> {
    const line = this.pending.shift();
    if (line) return Promise.resolve(line);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  /** Reads a dot-terminated block: lines dot-unstuffed, without line ends.
   * @throws the protocol's blockTooLarge error past `max` bytes (the connection is closed) */
  readBlock(max: number): Promise<Buffer[]> {
    return new Promise((resolve, reject) => {
      this.block = { lines: [], bytes: 0, max, resolve, reject };
      const queued = this.pending;
      this.pending = [];
      for (const l of queued) if (this.block) this.take(l);
      if (this.failure && this.block) this.fail(this.failure);
    });
  }

  /** Replaces the socket with TLS over it, after the server agreed to STARTTLS/STLS. Lines the
   * server sent before the handshake are dropped: they could be injected by a man in the middle. */
  async upgradeTls(): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners("data");
    plain.removeAllListeners("error");
    plain.removeAllListeners("close");
    plain.setTimeout(0);
    this.pending = [];
    this.splitter = this.newSplitter();
    this.socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ socket: plain, servername: sniName(this.opts.host), ...this.opts.tls });
      const timer = setTimeout(() => s.destroy(new Error("TLS handshake timeout")), this.opts.connectTimeoutMs);
      s.once("secureConnect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (e) => {
        clearTimeout(timer);
        const err = this.errors.tlsFailed(e);
        this.fail(err);
        reject(err);
      });
    });
    this.attach(this.socket);
  }

  /** Closes the socket, after sending `farewell` (e.g. QUIT) without waiting, if given. */
  close(farewell?: string): void {
    if (farewell && !this.failure && this.socket.writable) this.socket.end(`${farewell}\r\n`);
    this.fail(this.errors.closedByPostern());
    this.socket.destroy();
  }

  private newSplitter(): LineSplitter {
    return new LineSplitter(this.opts.maxLineBytes, this.errors.lineTooLong);
  }

  private take(line: Buffer): void {
    const block = this.block;
    if (block) {
      if (line.length === 1 && line[0] === 0x2e) {
        this.block = null;
        block.resolve(block.lines);
        return;
      }
      // RFC 3977 3.1.1, RFC 1939 3: a line starting with "." was sent with one more "." in front.
      const unstuffed = line[0] === 0x2e ? line.subarray(1) : line;
      block.bytes += unstuffed.length + 2;
      if (block.bytes > block.max) {
        this.block = null;
        const err = this.errors.blockTooLarge(block.max);
        block.reject(err);
        this.fail(err);
        this.socket.destroy();
        return;
      }
      // copy: a subarray would pin the whole socket chunk in memory
      block.lines.push(Buffer.from(unstuffed));
      return;
    }
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = null;
      waiter.resolve(Buffer.from(line));
    } else if (this.pending.length < 64) {
      this.pending.push(Buffer.from(line));
    }
  }

  private attach(socket: net.Socket): void {
    socket.setTimeout(this.opts.idleTimeoutMs, () => {
      // only a problem while Postern waits for an answer
      if (this.waiter || this.block) {
        this.fail(this.errors.silent());
        socket.destroy();
      }
    });
    socket.on("data", (chunk: Buffer) => {
      try {
        this.splitter.push(chunk, (line) => this.take(line));
      } catch (e) {
        this.fail(e as Error);
        socket.destroy();
      }
    });
    socket.on("error", (e) => this.fail(isTlsProblem(e) ? this.errors.tlsFailed(e) : this.errors.socketFailed(e)));
    socket.on("close", () => this.fail(this.errors.closedByServer()));
  }

  private fail(e: Error): void {
    if (!this.failure) this.failure = e;
    const waiter = this.waiter;
    const block = this.block;
    this.waiter = null;
    this.block = null;
    waiter?.reject(this.failure);
    block?.reject(this.failure);
  }
}

/** SNI takes host names only, never IP addresses (RFC 6066 3); an explicit servername wins. */
function sniName(host: string): string | undefined {
  return net.isIP(host) ? undefined : host;
}

/** Bad certificates and servers that speak no TLS are told apart from servers that are not there. */
function isTlsProblem(e: Error): boolean {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  return /CERT|SSL|TLS|SELF_SIGNED|HOSTNAME|ERR_SSL/i.test(code) || /ssl|tls|certificate/i.test(e.message);
}
