import net from "node:net";
import tls from "node:tls";
import { POP3_CONNECT_TIMEOUT_MS, POP3_IDLE_TIMEOUT_MS, POP3_MAX_LINE_BYTES } from "@/lib/limits";
import { LineSplitter } from "@/lib/net/line-splitter";
import { Pop3ConnectionError, Pop3ProtocolError, Pop3ResponseError } from "./errors";

// The transport of Postern's POP3 client (RFC 1939): one socket, one command at a time, status
// lines and dot-terminated multi-line answers read as bytes (messages are 8-bit data in any
// charset). Built like lib/nntp/connection.ts. npm's POP3 clients were no fit: `node-pop3` (the
// maintained one) decodes messages as UTF-8 strings, has no APOP, no STLS and no size limits;
// `poplib`, `yapople` and `mailpop3` are unmaintained for years.

export type Pop3Security = "tls" | "starttls" | "none";
export type Pop3TlsSettings = { rejectUnauthorized: boolean; ca?: Buffer; servername?: string };

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

type Waiter = { resolve: (line: Buffer) => void; reject: (e: Error) => void };
type BlockReader = { lines: Buffer[]; bytes: number; max: number; resolve: (lines: Buffer[]) => void; reject: (e: Error) => void };

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

export class Pop3Connection {
  private socket: net.Socket;
  private splitter: LineSplitter;
  private pending: Buffer[] = [];
  private waiter: Waiter | null = null;
  private block: BlockReader | null = null;
  private failure: Error | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    socket: net.Socket,
    private readonly opts: Pop3ConnectOptions,
  ) {
    this.socket = socket;
    this.splitter = newSplitter(opts);
    this.attach(socket);
  }

  /** Opens the TCP (or TLS) connection and reads the greeting (its raw text: APOP needs it).
   * @throws Pop3ConnectionError when the server cannot be reached, fails TLS or says nothing */
  static async open(opts: Pop3ConnectOptions): Promise<{ connection: Pop3Connection; greeting: string }> {
    const timeout = opts.connectTimeoutMs ?? POP3_CONNECT_TIMEOUT_MS;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s =
        opts.security === "tls" ? tls.connect({ host: opts.host, port: opts.port, ...opts.tls }) : net.connect({ host: opts.host, port: opts.port });
      const timer = setTimeout(() => s.destroy(new Error("connect timeout")), timeout);
      s.once(opts.security === "tls" ? "secureConnect" : "connect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (e) => {
        clearTimeout(timer);
        reject(connectFailure(e, opts));
      });
    });
    const connection = new Pop3Connection(socket, opts);
    try {
      const line = await connection.readLine();
      parseStatus(line, "greeting");
      return { connection, greeting: line.toString("latin1") };
    } catch (e) {
      connection.close();
      throw e instanceof Pop3ResponseError ? new Pop3ConnectionError(`The POP3 server refused the connection: ${e.text}`.slice(0, 300)) : e;
    }
  }

  get closed(): boolean {
    return this.failure !== null;
  }

  /** Sends one command line and reads its status line. `shown` replaces the line in errors (PASS).
   * @throws Pop3ResponseError on -ERR */
  command(line: string, shown = line): Promise<Pop3Reply> {
    return this.serialize(async () => {
      this.write(line);
      return parseStatus(await this.readLine(), shown);
    });
  }

  /**
   * Sends a command whose +OK carries a dot-terminated block (CAPA, UIDL, LIST, RETR). Lines come
   * dot-unstuffed (RFC 1939 3) and without line ends.
   * @throws Pop3ResponseError on -ERR; Pop3ProtocolError too-large past maxBytes (connection closed)
   */
  commandWithBlock(line: string, maxBytes: number): Promise<{ reply: Pop3Reply; lines: Buffer[] }> {
    return this.serialize(async () => {
      this.write(line);
      const reply = parseStatus(await this.readLine(), line);
      return { reply, lines: await this.readBlock(maxBytes) };
    });
  }

  /** Replaces the socket with TLS over it, after +OK to STLS (RFC 2595 4). Lines the server sent
   * before the handshake are dropped: they could be injected by a man in the middle. */
  async upgradeTls(): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners("data");
    plain.removeAllListeners("error");
    plain.removeAllListeners("close");
    plain.setTimeout(0);
    this.pending = [];
    this.splitter = newSplitter(this.opts);
    const timeout = this.opts.connectTimeoutMs ?? POP3_CONNECT_TIMEOUT_MS;
    this.socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ socket: plain, ...this.opts.tls });
      const timer = setTimeout(() => s.destroy(new Error("TLS handshake timeout")), timeout);
      s.once("secureConnect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (e) => {
        clearTimeout(timer);
        const err = new Pop3ConnectionError(`The TLS handshake with the POP3 server failed: ${e.message}`, { cause: e }, "tls");
        this.fail(err);
        reject(err);
      });
    });
    this.attach(this.socket);
  }

  /** Closes without QUIT: the server rolls back this session's DELEs (RFC 1939 6). */
  close(): void {
    this.fail(new Pop3ConnectionError("The connection to the POP3 server was closed.", undefined, "closed"));
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
    // A CR or LF inside would let one argument smuggle a second command (e.g. from a user name).
    if (/[\r\n\0]/.test(line)) throw new Pop3ProtocolError("A POP3 command may not contain line breaks.");
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
      const unstuffed = line[0] === 0x2e ? line.subarray(1) : line;
      block.bytes += unstuffed.length + 2;
      if (block.bytes > block.max) {
        this.block = null;
        const err = new Pop3ProtocolError(`The POP3 server's answer is larger than ${block.max} bytes.`, "too-large");
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
    socket.setTimeout(this.opts.idleTimeoutMs ?? POP3_IDLE_TIMEOUT_MS, () => {
      // only a problem while Postern waits for an answer
      if (this.waiter || this.block) {
        this.fail(new Pop3ConnectionError("The POP3 server stopped answering."));
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
    socket.on("error", (e) => this.fail(connectFailure(e, this.opts)));
    socket.on("close", () => this.fail(new Pop3ConnectionError("The POP3 server closed the connection.", undefined, "closed")));
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

const lineTooLong = (max: number) => new Pop3ProtocolError(`The POP3 server sent a line longer than ${max} bytes.`, "too-large");
const newSplitter = (opts: Pop3ConnectOptions) => new LineSplitter(opts.maxLineBytes ?? POP3_MAX_LINE_BYTES, lineTooLong);

/** TLS failures (bad certificate, no TLS spoken) are told apart from a server that is not there. */
function connectFailure(e: Error, opts: Pop3ConnectOptions): Pop3ConnectionError {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const tlsProblem = /CERT|SSL|TLS|SELF_SIGNED|HOSTNAME|ERR_SSL/i.test(code) || /ssl|tls|certificate/i.test(e.message);
  return tlsProblem
    ? new Pop3ConnectionError(`The TLS connection to the POP3 server failed: ${e.message}`, { cause: e }, "tls")
    : new Pop3ConnectionError(`The POP3 server ${opts.tls.servername ?? opts.host}:${opts.port} cannot be reached.`, { cause: e });
}
