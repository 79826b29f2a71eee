import net from "node:net";
import tls from "node:tls";

// A small ManageSieve client (RFC 5804): the commands Postern needs, nothing more. npm has no
// maintained one; the protocol is a few line commands with IMAP-style strings and literals.

export type SieveConnectOptions = {
  host: string;
  port: number;
  /** "starttls" upgrades before authenticating and fails if the server cannot. */
  security: "starttls" | "none";
  tls: { rejectUnauthorized: boolean; ca?: Buffer; secureContext?: tls.SecureContext };
  user: string;
  pass: string;
  timeoutMs?: number;
};

export type ScriptInfo = { name: string; active: boolean };

/** A token of a response line: an atom, a string (quoted or literal), or a response code "(...)". */
type Token = { kind: "atom" | "string" | "code"; value: string };
type Response = { status: "OK" | "NO" | "BYE"; code: string | null; text: string; lines: Token[][] };

/** The server answered NO or BYE; `message` is the server's own text (e.g. a script error). */
export class ManageSieveError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: "NO" | "BYE" | "PROTOCOL",
  ) {
    super(message);
    this.name = "ManageSieveError";
  }
}

/** A connection failure (refused, timeout, TLS) rather than an answer. */
export class ManageSieveConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ManageSieveConnectionError";
  }
}

/** Quotes a string for a command; literals carry what a quoted string cannot (line breaks). */
function quoted(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function literal(s: string): string {
  return `{${Buffer.byteLength(s, "utf8")}+}\r\n${s}`;
}

/**
 * Parses one response line (literals included) from the front of `buf`.
 * @returns the tokens and the bytes used, or null when the line is not complete yet
 */
export function parseLine(buf: Buffer): { tokens: Token[]; used: number } | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < buf.length) {
    const c = buf[i];
    if (c === 0x20) {
      i++;
    } else if (c === 0x0d && buf[i + 1] === 0x0a) {
      return { tokens, used: i + 2 };
    } else if (c === 0x0d || c === 0x0a) {
      i++;
    } else if (c === 0x22) {
      let j = i + 1;
      const out: number[] = [];
      while (j < buf.length && buf[j] !== 0x22) {
        if (buf[j] === 0x5c) j++;
        if (j < buf.length) out.push(buf[j]);
        j++;
      }
      if (j >= buf.length) return null;
      tokens.push({ kind: "string", value: Buffer.from(out).toString("utf8") });
      i = j + 1;
    } else if (c === 0x7b) {
      const close = buf.indexOf("}", i);
      if (close < 0) return null;
      const size = Number(buf.subarray(i + 1, close).toString("latin1").replace("+", ""));
      if (!Number.isInteger(size)) throw new ManageSieveError("Malformed literal from the Sieve server.", null, "PROTOCOL");
      const start = close + 3; // "}\r\n"
      if (buf.length < start + size) return null;
      tokens.push({ kind: "string", value: buf.subarray(start, start + size).toString("utf8") });
      i = start + size;
    } else if (c === 0x28) {
      const close = buf.indexOf(")", i);
      if (close < 0) return null;
      tokens.push({ kind: "code", value: buf.subarray(i + 1, close).toString("utf8") });
      i = close + 1;
    } else {
      let j = i;
      while (j < buf.length && buf[j] !== 0x20 && buf[j] !== 0x0d) j++;
      if (j >= buf.length) return null;
      tokens.push({ kind: "atom", value: buf.subarray(i, j).toString("utf8") });
      i = j;
    }
  }
  return null;
}

/** One authenticated ManageSieve session. Commands run one at a time, in call order. */
export class ManageSieveClient {
  private buffer = Buffer.alloc(0);
  private lines: Token[][] = [];
  private waiter: { resolve: (r: Response) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  capabilities = new Map<string, string>();

  private constructor(private socket: net.Socket | tls.TLSSocket) {
    this.attach(socket);
  }

  /** Connects, upgrades to TLS if asked, and authenticates (SASL PLAIN).
   * @throws ManageSieveConnectionError | ManageSieveError (wrong password: code null, status NO) */
  static async connect(opts: SieveConnectOptions): Promise<ManageSieveClient> {
    const timeout = opts.timeoutMs ?? 10_000;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: opts.host, port: opts.port });
      s.setTimeout(timeout, () => s.destroy(new Error("timeout")));
      s.once("connect", () => resolve(s));
      s.once("error", (e) => reject(new ManageSieveConnectionError("The Sieve server cannot be reached.", { cause: e })));
    });
    const client = new ManageSieveClient(socket);
    try {
      client.capabilities = capabilitiesOf(await client.read());
      if (opts.security === "starttls") {
        if (!client.capabilities.has("STARTTLS")) throw new ManageSieveConnectionError("The Sieve server does not offer STARTTLS.");
        await client.command("STARTTLS");
        await client.upgrade(opts, timeout);
        client.capabilities = capabilitiesOf(await client.read());
      }
      const plain = Buffer.from(`\0${opts.user}\0${opts.pass}`, "utf8").toString("base64");
      await client.command(`AUTHENTICATE "PLAIN" ${quoted(plain)}`);
      return client;
    } catch (e) {
      client.socket.destroy();
      throw e;
    }
  }

  async listScripts(): Promise<ScriptInfo[]> {
    const r = await this.command("LISTSCRIPTS");
    return r.lines
      .filter((l) => l[0]?.kind === "string")
      .map((l) => ({ name: l[0].value, active: l[1]?.kind === "atom" && l[1].value.toUpperCase() === "ACTIVE" }));
  }

  async getScript(name: string): Promise<string> {
    const r = await this.command(`GETSCRIPT ${quoted(name)}`);
    return r.lines[0]?.[0]?.value ?? "";
  }

  /** @throws ManageSieveError with the server's explanation when the script is not valid */
  async checkScript(script: string): Promise<void> {
    await this.command(`CHECKSCRIPT ${literal(script)}`);
  }

  async putScript(name: string, script: string): Promise<void> {
    await this.command(`PUTSCRIPT ${quoted(name)} ${literal(script)}`);
  }

  /** Makes `name` the active script; "" deactivates whatever is active. */
  async setActive(name: string): Promise<void> {
    await this.command(`SETACTIVE ${quoted(name)}`);
  }

  async deleteScript(name: string): Promise<void> {
    await this.command(`DELETESCRIPT ${quoted(name)}`);
  }

  async logout(): Promise<void> {
    await this.command("LOGOUT").catch(() => undefined);
    this.socket.destroy();
  }

  /** Sends one command and waits for its OK. @throws ManageSieveError on NO/BYE */
  private command(line: string): Promise<Response> {
    const run = this.chain.then(async () => {
      this.socket.write(`${line}\r\n`);
      const r = await this.read();
      if (r.status !== "OK") throw new ManageSieveError(r.text || `The Sieve server refused ${line.split(" ")[0]}.`, r.code, r.status);
      return r;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private attach(socket: net.Socket): void {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.pump();
    });
    socket.on("error", (e) => this.fail(new ManageSieveConnectionError("The connection to the Sieve server failed.", { cause: e })));
    socket.on("close", () => this.fail(new ManageSieveConnectionError("The Sieve server closed the connection.")));
  }

  private async upgrade(opts: SieveConnectOptions, timeout: number): Promise<void> {
    const plain = this.socket;
    plain.removeAllListeners("data");
    plain.removeAllListeners("error");
    plain.removeAllListeners("close");
    this.socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const secure = tls.connect({
        socket: plain,
        servername: net.isIP(opts.host) ? undefined : opts.host,
        ...opts.tls,
      });
      secure.setTimeout(timeout, () => secure.destroy(new Error("timeout")));
      secure.once("secureConnect", () => resolve(secure));
      secure.once("error", (e) => reject(new ManageSieveConnectionError("TLS with the Sieve server failed.", { cause: e })));
    });
    this.attach(this.socket);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.waiter?.reject(e);
    this.waiter = null;
  }

  /** Waits for the next complete response (its data lines, then OK/NO/BYE). */
  private read(): Promise<Response> {
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.pump();
      if (this.waiter && this.failure) this.fail(this.failure);
    });
  }

  private pump(): void {
    for (;;) {
      if (!this.waiter) return;
      let parsed: ReturnType<typeof parseLine>;
      try {
        parsed = parseLine(this.buffer);
      } catch (e) {
        return this.fail(e as Error);
      }
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.used);
      const [first, ...rest] = parsed.tokens;
      const status = first?.kind === "atom" ? first.value.toUpperCase() : "";
      if (status === "OK" || status === "NO" || status === "BYE") {
        const code = rest.find((t) => t.kind === "code")?.value ?? null;
        const text = rest.find((t) => t.kind === "string")?.value ?? "";
        const response: Response = { status, code, text, lines: this.lines };
        this.lines = [];
        const w = this.waiter;
        this.waiter = null;
        w.resolve(response);
      } else {
        this.lines.push(parsed.tokens);
      }
    }
  }
}

function capabilitiesOf(r: Response): Map<string, string> {
  return new Map(r.lines.filter((l) => l[0]).map((l) => [l[0].value.toUpperCase(), l[1]?.value ?? ""]));
}
