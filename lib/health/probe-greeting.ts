import net from "node:net";
import tls from "node:tls";
import type { TlsSettings } from "@/lib/imap/connection-options";

/**
 * Connects to a mail server and waits for its first line (IMAP "* OK", SMTP "220"), without
 * logging in: enough to know it answers. `tlsSettings` for servers spoken to over TLS from the start.
 * @throws Error when it cannot connect, times out, or the greeting does not match
 */
export function probeGreeting(opts: { host: string; port: number; expect: RegExp; timeoutMs: number; tlsSettings?: TlsSettings }): Promise<string> {
  return new Promise((resolve, reject) => {
    const { host, port } = opts;
    const socket = opts.tlsSettings ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, ...opts.tlsSettings }) : net.connect({ host, port });
    let received = "";
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(received.split(/\r?\n/)[0]);
    };
    const timer = setTimeout(() => finish(new Error(`no greeting from ${host}:${port} within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (!received.includes("\n")) return;
      const line = received.split(/\r?\n/)[0];
      finish(opts.expect.test(line) ? null : new Error(`unexpected greeting from ${host}:${port}: ${line.slice(0, 80)}`));
    });
    socket.on("error", (e) => finish(e));
    socket.on("end", () => finish(new Error(`${host}:${port} closed the connection without a greeting`)));
  });
}
