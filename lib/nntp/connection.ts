import net from "node:net";
import tls from "node:tls";
import { NNTP_CONNECT_TIMEOUT_MS, NNTP_IDLE_TIMEOUT_MS, NNTP_MAX_LINE_BYTES } from "@/lib/limits";
import { NntpConnectionError, NntpProtocolError } from "./errors";
import { LineSplitter } from "./line-splitter";

// The transport of Postern's NNTP client (RFC 3977): one socket, one command at a time, status
// lines and dot-terminated blocks read as bytes. npm's NNTP clients were no fit: `nntp` and
// `node-nntp` are unmaintained since 2014-2016, and `newsie` (AGPL) decodes the stream as UTF-8,
// re-scans its whole buffer on every chunk and has no timeouts. Commands live in commands/.

export type NntpResponse = { code: number; text: string };
export type NntpSecurity = "tls" | "starttls" | "none";
export type NntpTlsSettings = { rejectUnauthorized: boolean; ca?: Buffer; servername?: string };

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

type Waiter = { resolve: (line: Buffer) => void; reject: (e: Error) => void };
type BlockReader = { lines: Buffer[]; bytes: number; max: number; resolve: (lines: Buffer[]) => void; reject: (e: Error) => void };

const STATUS = /^([1-5][0-9][0-9])(?:[ \t](.*))?$/;

/** Parses a status line ("211 3 1 3 misc.test"). @throws NntpProtocolError when it is none */
export function parseStatus(line: Buffer): NntpResponse {
  const text = line.toString("utf8");
  const m = STATUS.exec(text);
  if (!m) throw new NntpProtocolError(`The news server sent something that is not an NNTP answer: "${text.slice(0, 80)}"`);
  return { code: Number(m[1]), text: (m[2] ?? "").trim() };
}

export class NntpConnection {
  private socket: net.Socket;
  private splitter: LineSplitter;
  private pending: Buffer[] = [];
  private waiter: Waiter | null = null;
  private block: BlockReader | null = null;
  private failure: Error | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    socket: net.Socket,
    private readonly opts: NntpConnectOptions,
  ) {
    this.socket = socket;
    this.splitter = new LineSplitter(opts.maxLineBytes ?? NNTP_MAX_LINE_BYTES);
    this.attach(socket);
  }

  /** Opens the TCP (or TLS) connection and reads the greeting.
   * @throws NntpConnectionError when the server cannot be reached or says nothing */
  static async open(opts: NntpConnectOptions): Promise<{ connection: NntpConnection; greeting: NntpResponse }> {
    const timeout = opts.connectTimeoutMs ?? NNTP_CONNECT_TIMEOUT_MS;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s =
        opts.security === "tls"
          ? tls.connect({ host: opts.host, port: opts.port, servername: sniName(opts.host), ...opts.tls })
          : net.connect({ host: opts.host, port: opts.port });
      const timer = setTimeout(() => s.destroy(new Error("connect timeout")), timeout);
      s.once(opts.security === "tls" ? "secureConnect" : "connect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (e) => {
        clearTimeout(timer);
        reject(new NntpConnectionError(`The news server ${opts.host}:${opts.port} cannot be reached.`, { cause: e }));
      });
    });
    const connection = new NntpConnection(socket, opts);
    try {
      const greeting = parseStatus(await connection.readLine());
      return { connection, greeting };
    } catch (e) {
      connection.close();
      throw e;
    }
  }

  get closed(): boolean {
    return this.failure !== null;
  }

  /** Sends one command line and reads its status line. */
  command(line: string): Promise<NntpResponse> {
    return this.serialize(async () => {
      this.write(line);
      return parseStatus(await this.readLine());
    });
  }

  /**
   * Sends a command whose answer carries a dot-terminated block when its status is in `blockCodes`
   * (e.g. 224 for OVER). Lines come dot-unstuffed and without line ends.
   * @throws NntpProtocolError too-large when the block passes maxBytes (the connection is closed)
   */
  commandWithBlock(line: string, blockCodes: readonly number[], maxBytes: number): Promise<{ response: NntpResponse; lines: Buffer[] | null }> {
    return this.serialize(async () => {
      this.write(line);
      const response = parseStatus(await this.readLine());
      if (!blockCodes.includes(response.code)) return { response, lines: null };
      return { response, lines: await this.readBlock(maxBytes) };
    });
  }

  /** Sends a dot-terminated block (POST's article, after its 340) and reads the status line. */
  sendBlock(lines: readonly Buffer[]): Promise<NntpResponse> {
    return this.serialize(async () => {
      const parts: Buffer[] = [];
      for (const l of lines) parts.push(l[0] === 0x2e ? Buffer.concat([DOT, l]) : l, CRLF);
      parts.push(Buffer.from(".\r\n"));
      this.socket.write(Buffer.concat(parts));
      return parseStatus(await this.readLine());
    });
  }

  /** Replaces the socket with TLS over it, after the server's 382 to STARTTLS (RFC 4642). Lines
   * the server sent before the handshake are dropped: they could be injected by a man in the middle. */
  async upgradeTls(): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners("data");
    plain.removeAllListeners("error");
    plain.removeAllListeners("close");
    plain.setTimeout(0);
    this.pending = [];
    this.splitter = new LineSplitter(this.opts.maxLineBytes ?? NNTP_MAX_LINE_BYTES);
    const timeout = this.opts.connectTimeoutMs ?? NNTP_CONNECT_TIMEOUT_MS;
    this.socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ socket: plain, servername: sniName(this.opts.host), ...this.opts.tls });
      const timer = setTimeout(() => s.destroy(new Error("TLS handshake timeout")), timeout);
      s.once("secureConnect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (e) => {
        clearTimeout(timer);
        const err = new NntpConnectionError("The TLS handshake with the news server failed.", { cause: e });
        this.fail(err);
        reject(err);
      });
    });
    this.attach(this.socket);
  }

  /** Says QUIT without waiting and closes the socket. */
  close(): void {
    if (!this.failure && this.socket.writable) this.socket.end("QUIT\r\n");
    this.fail(new NntpConnectionError("The connection to the news server was closed."));
    this.socket.destroy();
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(() => {
      if (this.failure) throw this.failure;
      return fn();
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private write(line: string): void {
    // A CR or LF inside would let one argument smuggle a second command (e.g. from a group name).
    if (/[\r\n\0]/.test(line)) throw new NntpProtocolError("An NNTP command may not contain line breaks.");
    this.socket.write(`${line}\r\n`, "utf8");
  }

  private readLine(): Promise<Buffer> {
    const line = this.pending.shift();
    if (line) return Promise.resolve(line);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  private readBlock(max: number): Promise<Buffer[]> {
    return new Promise((resolve, reject) => {
      this.block = { lines: [], bytes: 0, max, resolve, reject };
      const queued = this.pending;
      this.pending = [];
      for (const l of queued) if (this.block) this.take(l);
      if (this.failure && this.block) this.fail(this.failure);
    });
  }

  private take(line: Buffer): void {
    const block = this.block;
    if (block) {
      if (line.length === 1 && line[0] === 0x2e) {
        this.block = null;
        block.resolve(block.lines);
        return;
      }
      // RFC 3977 3.1.1: a line starting with "." was sent with one more "." in front.
      const unstuffed = line[0] === 0x2e ? line.subarray(1) : line;
      block.bytes += unstuffed.length + 2;
      if (block.bytes > block.max) {
        this.block = null;
        const err = new NntpProtocolError(`The news server's answer is larger than ${block.max} bytes.`, "too-large");
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
    socket.setTimeout(this.opts.idleTimeoutMs ?? NNTP_IDLE_TIMEOUT_MS, () => {
      // only a problem while Postern waits for an answer
      if (this.waiter || this.block) {
        this.fail(new NntpConnectionError("The news server stopped answering."));
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
    socket.on("error", (e) => this.fail(new NntpConnectionError("The connection to the news server failed.", { cause: e })));
    socket.on("close", () => this.fail(new NntpConnectionError("The news server closed the connection.")));
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

const DOT = Buffer.from(".");
const CRLF = Buffer.from("\r\n");

/** SNI takes host names only, never IP addresses (RFC 6066 3). */
function sniName(host: string): string | undefined {
  return net.isIP(host) ? undefined : host;
}
