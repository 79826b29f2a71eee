import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHostAllowList } from "@/lib/net/host-allow-list";
import type { LookupAll } from "@/lib/net/user-host";
import { verifyAccount } from "./verify-account";

// A user-typed server inside the network is refused before any connection: a listener on
// loopback stands in for an internal service and must never see a connection.
let listener: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  listener = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((ready) => listener.listen(0, "127.0.0.1", ready));
  port = (listener.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => listener.close(() => done())));

const resolveTo =
  (address: string): LookupAll =>
  (_name, callback) =>
    callback(null, [{ address, family: net.isIP(address) }]);

const check = (host: string, resolve: LookupAll, smtpHost = host) =>
  verifyAccount({
    imap: { host, port, security: "none" },
    smtp: { host: smtpHost, port, security: "none" },
    credentials: { user: "bob", pass: "secret" },
    clientIp: null,
    hosts: { allow: parseHostAllowList(""), resolve },
  });

describe("verifyAccount on internal addresses", () => {
  it.each(["127.0.0.1", "10.0.0.1", "[::1]", "169.254.169.254"])("refuses the typed address %s without connecting", async (host) => {
    await expect(check(host, resolveTo("93.184.216.34"))).rejects.toMatchObject({ code: "HOST_REFUSED" });
    expect(connections).toBe(0);
  });

  it("refuses a name that resolves to a private or loopback address without connecting", async () => {
    await expect(check("mail.example.com", resolveTo("127.0.0.1"))).rejects.toMatchObject({ code: "HOST_REFUSED" });
    await expect(check("mail.example.com", resolveTo("192.168.1.10"))).rejects.toMatchObject({ code: "HOST_REFUSED" });
    expect(connections).toBe(0);
  });

  it("checks the SMTP host before connecting to the IMAP one", async () => {
    const table: LookupAll = (name, callback) => callback(null, [{ address: name === "imap.example.com" ? "127.0.0.1" : "10.0.0.1", family: 4 }]);
    // an admin-allowed IMAP name on loopback, but the SMTP name is internal: nothing is connected
    await expect(
      verifyAccount({
        imap: { host: "imap.example.com", port, security: "none" },
        smtp: { host: "smtp.example.com", port, security: "none" },
        credentials: { user: "bob", pass: "secret" },
        clientIp: null,
        hosts: { allow: parseHostAllowList("imap.example.com"), resolve: table },
      }),
    ).rejects.toMatchObject({ code: "HOST_REFUSED" });
    expect(connections).toBe(0);
  });
});
