import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAddressBook, syncAddressBook } from "@/lib/carddav/sync-address-book";
import { getBook, saveBook } from "@/lib/carddav/book-store";
import { getDb } from "@/lib/db/client";
import { createCard, deleteCard, getCard, listCards, updateCard } from "@/lib/contacts/card-store";

// Two-way CardDAV sync (issue 22) against the lab's Radicale. Each test gets an address book of
// its own on the server and a Postern account of its own.
const PORT = Number(process.env.LAB_RADICALE_PORT ?? 3232);
const USER = { name: "alice@example.test", password: "alice-pass" };
const AUTH = { authorization: `Basic ${Buffer.from(`${USER.name}:${USER.password}`).toString("base64")}` };
/** What the test itself sends to Radicale (not through Postern). */
const direct = (path: string) => `http://127.0.0.1:${PORT}${path}`;

async function newServerBook(): Promise<{ path: string; url: string }> {
  const path = `/${encodeURIComponent(USER.name)}/${crypto.randomUUID()}/`;
  const res = await fetch(direct(path), {
    method: "MKCOL",
    headers: { ...AUTH, "content-type": "application/xml; charset=utf-8" },
    body: '<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>',
  });
  expect(res.status).toBe(201);
  // Postern is given the lab's server as a user would type it: by name ("localhost" is allowed by INTERNAL_HOSTS in tests)
  return { path, url: `http://localhost:${PORT}${path}` };
}

const putOnServer = (path: string, name: string, body: string) =>
  fetch(direct(`${path}${name}`), { method: "PUT", headers: { ...AUTH, "content-type": "text/vcard; charset=utf-8" }, body });

/** Every vCard in a server address book, as text. */
async function serverCards(path: string): Promise<string[]> {
  const res = await fetch(direct(path), {
    method: "REPORT",
    headers: { ...AUTH, depth: "1", "content-type": "application/xml; charset=utf-8" },
    body: '<?xml version="1.0"?><CR:addressbook-query xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/><CR:address-data/></D:prop></CR:addressbook-query>',
  });
  const xml = await res.text();
  return [...xml.matchAll(/BEGIN:VCARD[\s\S]*?END:VCARD/g)].map((m) => m[0].replace(/&#13;/g, "\r"));
}

const account = () => `carddav-${crypto.randomUUID().slice(0, 8)}@example.test`;
const person = (name: string, ...addresses: string[]) => ({ name, organization: "", notes: "", emails: addresses.map((address) => ({ address, label: "" })), phones: [] });
const vcard = (uid: string, fn: string, email: string, extra = "") => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${fn}\r\nN:;${fn};;;\r\nEMAIL;TYPE=INTERNET:${email}\r\n${extra}END:VCARD\r\n`;

describe("CardDAV sync with Radicale", () => {
  it("refuses internal addresses typed as the server, and a redirect to one, without connecting", async () => {
    for (const url of [direct(`/${USER.name}/contacts/`), "http://10.0.0.1/contacts/", "http://[::1]:8080/x/"]) {
      await expect(checkAddressBook({ url, username: USER.name, password: USER.password })).rejects.toMatchObject({ code: "HOST_REFUSED" });
    }
    let hits = 0;
    const redirector = http.createServer((_req, res) => {
      hits++;
      res.writeHead(301, { location: direct(`/${USER.name}/contacts/`) }).end();
    });
    await new Promise<void>((r) => redirector.listen(0, "127.0.0.1", r));
    try {
      const port = (redirector.address() as AddressInfo).port;
      await expect(checkAddressBook({ url: `http://localhost:${port}/dav/`, username: USER.name, password: USER.password })).rejects.toMatchObject({ code: "HOST_REFUSED" });
      expect(hits).toBe(1); // the redirect itself was fetched, its internal target never
    } finally {
      redirector.close();
    }
  });

  it("says when the password is wrong, or the URL is no address book", async () => {
    const { url } = await newServerBook();
    await expect(checkAddressBook({ url, username: USER.name, password: "wrong" })).rejects.toMatchObject({ code: "CARDDAV_AUTH_FAILED" });
    await expect(checkAddressBook({ url: `http://localhost:${PORT}/${USER.name}/`, username: USER.name, password: USER.password })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(checkAddressBook({ url, username: USER.name, password: USER.password })).resolves.toBeUndefined();
  });

  it("syncs both ways: server cards come in, local cards and groups go out, deletions follow", async () => {
    const me = account();
    const { path, url } = await newServerBook();
    expect((await putOnServer(path, "srv-1.vcf", vcard("srv-1", "Sam Server", "sam@server.example"))).status).toBe(201);
    const local = await createCard(me, { kind: "individual", fields: person("Lena Local", "lena@local.example") });
    const group = await createCard(me, { kind: "group", fields: person("Sync team") });
    await saveBook(me, { url, username: USER.name, password: USER.password });

    expect(await syncAddressBook(me)).toMatchObject({ received: 1, sent: 2 });
    const names = (await listCards(me)).map((c) => c.name);
    expect(names).toEqual(["Lena Local", "Sam Server", "Sync team"]);
    const onServer = await serverCards(path);
    expect(onServer).toHaveLength(3);
    expect(onServer.join("\n")).toContain("FN:Lena Local");
    expect(onServer.join("\n")).toContain("X-ADDRESSBOOKSERVER-KIND:group");
    expect((await getBook(me))?.lastError).toBeNull();

    // nothing changed: nothing moves
    expect(await syncAddressBook(me)).toMatchObject({ received: 0, sent: 0, deleted: 0 });

    // deleted here: deleted there; deleted there: deleted here
    await deleteCard(me, local);
    expect(await fetch(direct(`${path}srv-1.vcf`), { method: "DELETE", headers: AUTH }).then((r) => r.status)).toBe(200);
    await syncAddressBook(me);
    expect((await listCards(me)).map((c) => c.name)).toEqual(["Sync team"]);
    expect((await serverCards(path)).map((c) => /FN:(.*)/.exec(c)?.[1]?.trim())).toEqual(["Sync team"]);
    expect(await getCard(me, group)).not.toBeNull();
  });

  it("merges a card edited on both sides field by field, losing neither edit", async () => {
    const me = account();
    const { path, url } = await newServerBook();
    await putOnServer(path, "carol.vcf", vcard("carol-1", "Carol Nguyen", "carol@work.example"));
    await saveBook(me, { url, username: USER.name, password: USER.password });
    await syncAddressBook(me);
    const [carol] = await listCards(me);

    // the server gets a phone number and a new note; here, a second address and another note
    await putOnServer(path, "carol.vcf", vcard("carol-1", "Carol Nguyen", "carol@work.example", "TEL;TYPE=CELL:+1 555 0100\r\nNOTE:met at FOSDEM\r\nADR;TYPE=HOME:;;1 Main St;Springfield;;12345;USA\r\nBDAY:1980-04-01\r\n"));
    await updateCard(me, carol.id, { ...person("Carol Nguyen", "carol@work.example", "carol@home.example"), notes: "prefers Signal" });

    expect(await syncAddressBook(me)).toMatchObject({ merged: 1, sent: 1 });
    const merged = await getCard(me, carol.id);
    expect(merged?.emails.map((e) => e.address)).toEqual(["carol@work.example", "carol@home.example"]);
    expect(merged?.phones).toEqual([{ number: "+1 555 0100", label: "cell" }]);
    expect(merged?.notes).toBe("prefers Signal\n\nmet at FOSDEM");
    const [there] = await serverCards(path);
    expect(there).toContain("carol@home.example");
    expect(there).toContain("+1 555 0100");
    expect(there).toContain("prefers Signal");
    // fields Postern does not edit stay on the server as they were
    expect(there).toContain("ADR;TYPE=HOME:;;1 Main St;Springfield;;12345;USA");
    expect(there).toContain("BDAY:1980-04-01");
  });

  it("on 412 (changed on the server after the changes were fetched) merges the server's version and sends again with its ETag", async () => {
    const me = account();
    const { path, url } = await newServerBook();
    await putOnServer(path, "dan.vcf", vcard("dan-1", "Dan Brown", "dan@work.example"));
    await saveBook(me, { url, username: USER.name, password: USER.password });
    await syncAddressBook(me);
    const [dan] = await listCards(me);
    // the server's copy changes, and the sync's bookmark is moved past that change, as when it
    // happens between the sync's REPORT and its PUT: only If-Match can notice it now
    await putOnServer(path, "dan.vcf", vcard("dan-1", "Dan Brown", "dan@work.example", "ORG:Server Org\r\n"));
    const token = await fetch(direct(path), {
      method: "REPORT",
      headers: { ...AUTH, "content-type": "application/xml; charset=utf-8" },
      body: '<?xml version="1.0"?><D:sync-collection xmlns:D="DAV:"><D:sync-token/><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>',
    }).then(async (r) => /<(?:D:)?sync-token>([^<]+)</i.exec(await r.text())?.[1]);
    expect(token).toBeTruthy();
    await getDb().cardDavBook.update({ where: { account: me }, data: { syncToken: token } });
    await updateCard(me, dan.id, { ...person("Dan Brown", "dan@work.example"), phones: [{ number: "+44 20 7946 0001", label: "work" }] });

    expect(await syncAddressBook(me)).toMatchObject({ received: 0, merged: 1, sent: 1 });
    const [there] = await serverCards(path);
    expect(there).toContain("ORG:Server Org");
    expect(there).toContain("+44 20 7946 0001");
    expect(await getCard(me, dan.id)).toMatchObject({ organization: "Server Org", phones: [{ number: "+44 20 7946 0001", label: "work" }] });
  });

  it("runs one sync per account at a time, across callers", async () => {
    const me = account();
    const { url } = await newServerBook();
    await saveBook(me, { url, username: USER.name, password: USER.password });
    await createCard(me, { kind: "individual", fields: person("Only Once", "once@example.test") });
    const results = await Promise.all([syncAddressBook(me), syncAddressBook(me)]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.find((r) => r !== null)).toMatchObject({ sent: 1 });
  });
});
