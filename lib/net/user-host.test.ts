import dns from "node:dns";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { parseHostAllowList } from "./host-allow-list";
import { checkedLookup, type LookupAll, resolveUserHost } from "./user-host";

const none = parseHostAllowList("");
const answers =
  (table: Record<string, string[]>): LookupAll =>
  (hostname, callback) => {
    const found = table[hostname];
    if (!found) return callback(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" }), []);
    callback(null, found.map((address) => ({ address, family: net.isIP(address) })));
  };
const resolve = answers({
  "mail.example.com": ["93.184.216.34"],
  "evil.example.com": ["10.0.0.1"],
  "mixed.example.com": ["93.184.216.34", "127.0.0.1"],
  "localhost": ["127.0.0.1"],
  "mail.internal": ["10.1.2.3"],
});

describe("resolveUserHost", () => {
  it("returns the public address a name resolves to", async () => {
    await expect(resolveUserHost("Mail.Example.com.", { allow: none, resolve })).resolves.toEqual({ address: "93.184.216.34", family: 4 });
  });

  it.each(["127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]", "::ffff:127.0.0.1", "fd00::1", "0.0.0.0"])("refuses the literal %s", async (host) => {
    await expect(resolveUserHost(host, { allow: none, resolve })).rejects.toMatchObject({ code: "HOST_REFUSED" });
  });

  it("refuses a name resolving to a private address, and one with any internal answer", async () => {
    await expect(resolveUserHost("evil.example.com", { allow: none, resolve })).rejects.toMatchObject({ code: "HOST_REFUSED" });
    await expect(resolveUserHost("mixed.example.com", { allow: none, resolve })).rejects.toMatchObject({ code: "HOST_REFUSED" });
  });

  it("says when a name does not exist", async () => {
    await expect(resolveUserHost("nowhere.example.com", { allow: none, resolve })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets the admin allow a name as typed, or an address range", async () => {
    const allow = parseHostAllowList("localhost, 10.1.0.0/16");
    await expect(resolveUserHost("localhost", { allow, resolve })).resolves.toEqual({ address: "127.0.0.1", family: 4 });
    await expect(resolveUserHost("mail.internal", { allow, resolve })).resolves.toEqual({ address: "10.1.2.3", family: 4 });
    // allowing the name "localhost" does not allow typing its address
    await expect(resolveUserHost("127.0.0.1", { allow, resolve })).rejects.toMatchObject({ code: "HOST_REFUSED" });
    await expect(resolveUserHost("evil.example.com", { allow, resolve })).rejects.toMatchObject({ code: "HOST_REFUSED" });
  });
});

describe("parseHostAllowList", () => {
  it("refuses entries that are neither names nor addresses", () => {
    expect(() => parseHostAllowList("10.0.0.0/33")).toThrow(/invalid prefix/);
    expect(() => parseHostAllowList("http://x")).toThrow(/neither/);
  });
});

describe("checkedLookup", () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<unknown>((ok, fail) =>
      checkedLookup({ allow: none, resolve })(host, { all } as dns.LookupOptions, (err: unknown, address: unknown) => (err ? fail(err) : ok(address))),
    );

  it("passes public answers to the socket and refuses internal ones at connect time", async () => {
    await expect(lookup("mail.example.com", false)).resolves.toBe("93.184.216.34");
    await expect(lookup("mail.example.com", true)).resolves.toEqual([{ address: "93.184.216.34", family: 4 }]);
    await expect(lookup("evil.example.com", false)).rejects.toMatchObject({ code: "HOST_REFUSED" });
  });

  it("never lets a socket reach a refused name", async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const { port } = server.address() as net.AddressInfo;
    let connected = false;
    server.on("connection", () => (connected = true));
    const error = await new Promise((ok) => net.connect({ host: "localhost", port, lookup: checkedLookup({ allow: none, resolve }) }).on("error", ok).on("connect", () => ok(null)));
    server.close();
    expect(error).toMatchObject({ code: "HOST_REFUSED" });
    expect(connected).toBe(false);
  });
});
