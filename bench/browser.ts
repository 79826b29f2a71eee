import http from "node:http";
import https from "node:https";

/** The server closed an idle keep-alive connection just as a request went out on it. */
class StaleSocketError extends Error {}

/** A request body other than a urlencoded form (a server action's multipart form). */
export type RawBody = { type: string; data: Buffer };
const isRawBody = (b: object): b is RawBody => Buffer.isBuffer((b as RawBody).data);

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; bytes: number };

/**
 * One simulated browser: its own keep-alive connection from its own loopback address, and its own
 * cookie jar. Plain node:http rather than fetch, because fetch cannot choose the source address
 * and a browser's address is what Dovecot's per-address connection limit counts.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();
  private readonly agent: http.Agent;
  private readonly client: typeof http | typeof https;

  /** `ca`: the certificate to trust for an https origin (the lab's nginx, bench/scale-out.ts). */
  constructor(
    private readonly origin: URL,
    readonly address: string,
    ca?: Buffer,
  ) {
    const secure = origin.protocol === "https:";
    this.client = secure ? https : http;
    this.agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 1, ca }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  /**
   * One request. A GET whose reused keep-alive connection the server closed just as it was sent
   * (its 5 s keep-alive timeout) is retried once on a new connection, as browsers do.
   */
  async request(method: "GET" | "POST", path: string, form?: Record<string, string> | RawBody, extraHeaders?: Record<string, string>, opts?: { countOnly?: boolean }): Promise<HttpResponse> {
    try {
      return await this.send(method, path, form, extraHeaders, opts);
    } catch (e) {
      if (method !== "GET" || !(e instanceof StaleSocketError)) throw e;
      return this.send(method, path, form, extraHeaders, opts);
    }
  }

  /** GET that must answer 200, its body counted, not kept (a 20 MB download). Returns the bytes. */
  async download(path: string): Promise<number> {
    const res = await this.request("GET", path, undefined, undefined, { countOnly: true });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return res.bytes;
  }

  private send(method: "GET" | "POST", path: string, form?: Record<string, string> | RawBody, extraHeaders?: Record<string, string>, opts?: { countOnly?: boolean }): Promise<HttpResponse> {
    const raw = form && isRawBody(form) ? form : null;
    const body = raw ? raw.data : form ? Buffer.from(new URLSearchParams(form as Record<string, string>).toString()) : undefined;
    const headers: http.OutgoingHttpHeaders = { "user-agent": "postern-bench", ...extraHeaders };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body) {
      // as a browser's form post does; Postern refuses a sign-in POST without it (app/api/auth)
      headers.origin = this.origin.origin;
      headers["content-type"] = raw ? raw.type : "application/x-www-form-urlencoded";
      headers["content-length"] = body.length;
    }
    return new Promise((resolve, reject) => {
      const req = this.client.request(
        {
          host: this.origin.hostname,
          port: this.origin.port,
          path,
          method,
          headers,
          agent: this.agent,
          localAddress: this.address,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          res.on("data", (c: Buffer) => {
            bytes += c.length;
            if (!opts?.countOnly) chunks.push(c);
          });
          res.on("end", () => {
            this.keepCookies(res.headers["set-cookie"]);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), bytes });
          });
          res.on("error", reject);
        },
      );
      req.on("error", (e: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && e.code === "ECONNRESET" ? new StaleSocketError(e.message) : e),
      );
      req.end(body);
    });
  }

  /**
   * Signs in the way the login form does (Auth.js v5 Credentials): CSRF token and its cookie from
   * /api/auth/csrf, then the form POST, which answers with the session cookie. A failed sign-in
   * also answers 302 (to the login page), so success is the cookie; callers then confirm it with a
   * list request (not done here: the memory case wants sessions that have not listed anything yet).
   * @throws Error when no session cookie came back
   */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
    const res = await this.request("POST", "/api/auth/callback/credentials", {
      csrfToken,
      email,
      password,
      callbackUrl: `${this.origin.origin}/mail`,
    });
    // over HTTPS the cookie is __Host- prefixed (lib/auth/auth-cookies.ts)
    if (!this.cookies.has("authjs.session-token") && !this.cookies.has("__Host-authjs.session-token")) {
      throw new Error(`sign-in of ${email} from ${this.address} failed: ${res.status} ${res.headers.location ?? ""}`);
    }
  }

  /** GET that must answer 200; returns the body as JSON. */
  async getJson<T>(path: string): Promise<T> {
    const res = await this.request("GET", path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString().slice(0, 200)}`);
    return JSON.parse(res.body.toString()) as T;
  }

  close(): void {
    this.agent.destroy();
  }

  private keepCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The list API's path for one page of a folder. */
export function listPath(folder: string, page: number): string {
  return `/api/messages/list?folder=${encodeURIComponent(folder)}&page=${page}`;
}
