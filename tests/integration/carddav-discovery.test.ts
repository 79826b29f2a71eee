import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAddressBooks, resolveAddressBook } from "@/lib/carddav/discover-address-book";

// CardDAV discovery (issue 22): the user types only the server; Postern finds their address book
// (RFC 6764 well-known, current-user-principal, addressbook-home-set) on the lab's Radicale, every
// hop through lib/net's checks. carol's books on the server are this file's own.
const PORT = Number(process.env.LAB_RADICALE_PORT ?? 3232);
const CAROL = { username: "carol@example.test", password: "carol-pass" };
const AUTH = { authorization: `Basic ${Buffer.from(`${CAROL.username}:${CAROL.password}`).toString("base64")}` };
const HOME = `/${encodeURIComponent(CAROL.username)}/`;
const direct = (path: string) => `http://127.0.0.1:${PORT}${path}`;
/** As a user types it ("localhost" is allowed by INTERNAL_HOSTS in tests). */
const SERVER = `http://localhost:${PORT}`;
let bookPath = "";

/** carol's collections on the server, read directly (not through Postern). */
async function carolsBooks(): Promise<string[]> {
  const res = await fetch(direct(HOME), { method: "PROPFIND", headers: { ...AUTH, depth: "1" } });
  const xml = await res.text();
  return [...xml.matchAll(/<href>([^<]+)<\/href>/g)].map((m) => m[1]).filter((h) => h !== HOME && h.endsWith("/"));
}

beforeAll(async () => {
  for (const path of await carolsBooks()) await fetch(direct(path), { method: "DELETE", headers: AUTH });
  bookPath = `${HOME}${crypto.randomUUID()}/`;
  const made = await fetch(direct(bookPath), {
    method: "MKCOL",
    headers: { ...AUTH, "content-type": "application/xml; charset=utf-8" },
    body: '<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype><D:displayname>Carol at home</D:displayname></D:prop></D:set></D:mkcol>',
  });
  expect(made.status).toBe(201);
});

afterAll(async () => {
  await fetch(direct(bookPath), { method: "DELETE", headers: AUTH });
});

describe("finding the address book from the server's address", () => {
  it("finds carol's address book by the well-known URL, her principal and her address-book home", async () => {
    const found = await discoverAddressBooks({ url: SERVER, ...CAROL });
    expect(found).toEqual([{ url: `${SERVER}${bookPath}`, name: "Carol at home" }]);
  });

  it("takes a typed address book URL as it is, and the server's address to the book found there", async () => {
    expect(await resolveAddressBook({ url: `${SERVER}${bookPath}`, ...CAROL })).toEqual({ url: `${SERVER}${bookPath}`, name: `${SERVER}${bookPath}` });
    expect((await resolveAddressBook({ url: `${SERVER}/`, ...CAROL })).url).toBe(`${SERVER}${bookPath}`);
  });

  it("says when the password is wrong", async () => {
    await expect(resolveAddressBook({ url: SERVER, ...CAROL, password: "wrong" })).rejects.toMatchObject({ code: "CARDDAV_AUTH_FAILED" });
  });
});

describe("a server whose discovery points inside the network", () => {
  let evil: http.Server;
  let canary: net.Server;
  let canaryHits = 0;
  let evilPort = 0;

  beforeAll(async () => {
    canary = net.createServer((s) => {
      canaryHits++;
      s.destroy();
    });
    await new Promise<void>((ready) => canary.listen(0, "127.0.0.1", ready));
    const canaryPort = (canary.address() as AddressInfo).port;
    // every path redirects to the "internal" service, typed as an address (not the allowed name)
    evil = http.createServer((_req, res) => {
      res.writeHead(301, { location: `http://127.0.0.1:${canaryPort}/dav/` });
      res.end();
    });
    await new Promise<void>((ready) => evil.listen(0, "127.0.0.1", ready));
    evilPort = (evil.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((done) => evil.close(done));
    await new Promise((done) => canary.close(done));
  });

  it("is refused, and the internal address never sees a connection", async () => {
    const e = await resolveAddressBook({ url: `http://localhost:${evilPort}/`, ...CAROL }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "HOST_REFUSED" });
    expect(canaryHits).toBe(0);
  });
});
