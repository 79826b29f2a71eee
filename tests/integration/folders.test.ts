import { execFileSync } from "node:child_process";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFolder } from "@/lib/imap/create-folder";
import { deleteFolder } from "@/lib/imap/delete-folder";
import { emptyFolder } from "@/lib/imap/empty-folder";
import { listFolders } from "@/lib/imap/list-folders";
import { listMessages } from "@/lib/imap/list-messages";
import { renameFolder } from "@/lib/imap/rename-folder";
import { connectImap, getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { setFolderSubscription } from "@/lib/imap/set-folder-subscription";
import { BOB, signInAs } from "./helpers";

const root = path.resolve(import.meta.dirname, "../..");
const SPECIAL = ["INBOX", "Drafts", "Sent", "Junk", "Trash", "Archive"];
let bob: ImapIdentity;

/** The names as Dovecot stores them: doveadm prints UTF-8, the Maildir++ directories hold modified UTF-7. */
function doveadmMailboxes(): string[] {
  const out = execFileSync("bash", [path.join(root, "mail-lab/lab"), "doveadm", "mailbox", "list", "-u", BOB.email], { encoding: "utf8" });
  return out.split("\n").filter(Boolean);
}

/** A raw imapflow connection, so checks do not go through the code under test. */
async function raw<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = await connectImap({ credentials: { user: BOB.email, pass: BOB.password }, clientIp: null });
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}

/**
 * Deletes every folder but the special-use ones, with their subscriptions (Dovecot keeps those).
 * Messages are left alone: other test files act on bob's INBOX, Archive and Trash.
 */
async function resetBob(): Promise<void> {
  await raw(async (c) => {
    for (const f of (await c.list()).sort((a, b) => b.path.length - a.path.length)) {
      if (SPECIAL.includes(f.path)) continue;
      await c.mailboxDelete(f.path).catch(() => undefined);
      await c.mailboxUnsubscribe(f.path);
    }
  });
}

beforeAll(async () => {
  await resetBob();
  bob = await signInAs(BOB);
});
afterAll(async () => {
  await resetBob();
  await getPool().closeAll();
});

const all = () => listFolders(bob, { includeUnsubscribed: true });
const tree = () => listFolders(bob);

describe("folders with non-ASCII names", () => {
  it("create, nest, list decoded, rename and delete through modified UTF-7", async () => {
    expect(await createFolder(bob, { name: "Entwürfe" })).toEqual({ path: "Entwürfe" });
    expect(await createFolder(bob, { name: "日本語", parent: "Entwürfe" })).toEqual({ path: "Entwürfe/日本語" });

    // Postern sees the decoded names, nested by the server's delimiter, and both are subscribed.
    const listed = (await tree()).filter((f) => f.path.startsWith("Entw"));
    expect(listed.map((f) => ({ path: f.path, name: f.name, depth: f.depth, delimiter: f.delimiter, specialUse: f.specialUse }))).toEqual([
      { path: "Entwürfe", name: "Entwürfe", depth: 0, delimiter: "/", specialUse: null },
      { path: "Entwürfe/日本語", name: "日本語", depth: 1, delimiter: "/", specialUse: null },
    ]);
    // Dovecot stores the same names (and a raw LIST shows the modified UTF-7 form).
    expect(doveadmMailboxes()).toEqual(expect.arrayContaining(["Entwürfe", "Entwürfe/日本語"]));
    const asListed = await raw(async (c) => (await c.list()).filter((f) => f.path.startsWith("Entw")).map((f) => f.pathAsListed));
    expect(asListed.sort()).toEqual(["Entw&APw-rfe", "Entw&APw-rfe/&ZeVnLIqe-"]);

    // A message inside survives the rename of its parent.
    await raw((c) => c.append("Entwürfe/日本語", "Subject: hello\r\n\r\nbody\r\n"));
    expect(await renameFolder(bob, { path: "Entwürfe", newName: "Brouillons été" })).toEqual({ path: "Brouillons été" });
    const renamed = (await tree()).filter((f) => f.path.startsWith("Brouillons") || f.path.startsWith("Entw"));
    // Dovecot does not move subscriptions on RENAME: Postern does, so the tree still shows both.
    expect(renamed.map((f) => [f.path, f.total])).toEqual([
      ["Brouillons été", 0],
      ["Brouillons été/日本語", 1],
    ]);
    const subscribed = await raw(async (c) => (await c.list()).filter((f) => f.subscribed).map((f) => f.path));
    expect(subscribed).not.toContain("Entwürfe");

    // Deleting the parent takes the subfolder (and its message) with it.
    expect(await deleteFolder(bob, { path: "Brouillons été" })).toEqual({ deleted: ["Brouillons été/日本語", "Brouillons été"] });
    expect((await all()).map((f) => f.path)).toEqual(SPECIAL);
    expect(doveadmMailboxes().filter((n) => !SPECIAL.includes(n))).toEqual([]);
  });

  it("round-trips the characters modified UTF-7 treats specially", async () => {
    for (const name of ["Tom & Jerry", "&-", "Ελληνικά 🙂", "a+b~c"]) {
      const { path: created } = await createFolder(bob, { name });
      expect(created).toBe(name);
      expect((await all()).find((f) => f.path === name)?.name).toBe(name);
      await deleteFolder(bob, { path: name });
    }
    expect((await all()).map((f) => f.path)).toEqual(SPECIAL);
  });

  it("stores a decomposed ü as the composed one (NFC), so it names the same folder", async () => {
    await createFolder(bob, { name: "Entwu\u0308rfe" });
    await expect(createFolder(bob, { name: "Entwürfe" })).rejects.toMatchObject({ code: "CONFLICT" });
    await deleteFolder(bob, { path: "Entwürfe" });
  });
});

describe("folder errors", () => {
  it("says a folder exists, or does not, and refuses bad names before the server sees them", async () => {
    await createFolder(bob, { name: "Projects" });
    await expect(createFolder(bob, { name: "Projects" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createFolder(bob, { name: "x", parent: "Nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renameFolder(bob, { path: "Nope", newName: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteFolder(bob, { path: "Nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renameFolder(bob, { path: "Projects", newName: "Sent" })).rejects.toMatchObject({ code: "CONFLICT" });
    for (const bad of ["", "a/b", "a\u0000b", "x".repeat(101), "*"]) {
      await expect(createFolder(bob, { name: bad }), JSON.stringify(bad)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(renameFolder(bob, { path: "Projects", newName: bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await deleteFolder(bob, { path: "Projects" });
  });

  it("passes on the server's reason when it refuses a name Postern allows", async () => {
    // Dovecot with Maildir++ stores hierarchy with "." on disk, so it refuses "." in names.
    await expect(createFolder(bob, { name: "v1.2" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Character not allowed in mailbox name: '.'"),
    });
    await expect(createFolder(bob, { name: "日".repeat(100) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("too long") });
  });
});

// Issue 8: a folder name is user input that ends up inside IMAP commands. Quotes, backslashes,
// literal markers and parentheses must reach the server as one quoted string, never as syntax;
// CR/LF (which would end the command and start another) are refused before the server sees them.
describe("IMAP command injection through folder names", () => {
  const HOSTILE = ['Quote" DELETE INBOX', "Back\\slash\\", "{5}", "a) (b", 'x" "y', "NIL", "x{0+}"];

  it("creates, lists, fills, renames and deletes each hostile name as exactly that name", async () => {
    for (const name of HOSTILE) {
      expect((await createFolder(bob, { name })).path, name).toBe(name);
      expect(doveadmMailboxes(), name).toContain(name);
      await raw((c) => c.append(name, `Subject: inside ${name}\r\n\r\nbody\r\n`));
      const renamed = `${name} 2`;
      expect((await renameFolder(bob, { path: name, newName: renamed })).path).toBe(renamed);
      expect(await raw(async (c) => { const st = await c.status(renamed, { messages: true }); return st && st.messages; })).toBe(1);
      await deleteFolder(bob, { path: renamed });
    }
    // Nothing else was created, deleted or renamed on the way.
    expect((await all()).map((f) => f.path)).toEqual(SPECIAL);
  });

  it("refuses CR/LF in new names and treats them in paths as a folder that does not exist", async () => {
    for (const name of ["a\r\nA1 DELETE Trash", "b\nc", "d\re"]) {
      await expect(createFolder(bob, { name }), JSON.stringify(name)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(deleteFolder(bob, { path: "Junk\r\nA1 DELETE Trash" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listMessages(bob, { folder: "INBOX\r\nA1 DELETE Trash", page: 1 })).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|BAD_REQUEST/) });
    await expect(listMessages(bob, { folder: 'INBOX" DELETE "Trash', page: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await all()).map((f) => f.path)).toEqual(SPECIAL);
  });
});

describe("special-use folders", () => {
  it.each(SPECIAL)("%s cannot be renamed, deleted or unsubscribed", async (special) => {
    await expect(renameFolder(bob, { path: special, newName: "Renamed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteFolder(bob, { path: special })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setFolderSubscription(bob, { path: special, subscribed: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await all()).map((f) => f.path)).toEqual(SPECIAL);
  });

  it("INBOX is protected whatever its case", async () => {
    await expect(deleteFolder(bob, { path: "inbox" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("subfolders of special-use folders are ordinary folders", async () => {
    expect(await createFolder(bob, { name: "2025", parent: "Archive" })).toEqual({ path: "Archive/2025" });
    await expect(deleteFolder(bob, { path: "Archive" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await renameFolder(bob, { path: "Archive/2025", newName: "2024" })).toEqual({ path: "Archive/2024" });
    await deleteFolder(bob, { path: "Archive/2024" });
    expect((await all()).map((f) => f.path)).toEqual(SPECIAL);
  });
});

describe("subscriptions", () => {
  it("hide a folder from the tree and show it again; it stays listed under Manage folders", async () => {
    await createFolder(bob, { name: "Newsletters" });
    expect((await tree()).some((f) => f.path === "Newsletters")).toBe(true);
    await setFolderSubscription(bob, { path: "Newsletters", subscribed: false });
    expect((await tree()).some((f) => f.path === "Newsletters")).toBe(false);
    expect((await all()).find((f) => f.path === "Newsletters")).toMatchObject({ subscribed: false });
    await setFolderSubscription(bob, { path: "Newsletters", subscribed: false }); // already: no-op
    await setFolderSubscription(bob, { path: "Newsletters", subscribed: true });
    expect((await tree()).find((f) => f.path === "Newsletters")).toMatchObject({ subscribed: true });
    await expect(setFolderSubscription(bob, { path: "Nope", subscribed: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteFolder(bob, { path: "Newsletters" });
  });

  it("an unsubscribed folder renamed stays unsubscribed", async () => {
    await createFolder(bob, { name: "Quiet" });
    await setFolderSubscription(bob, { path: "Quiet", subscribed: false });
    await renameFolder(bob, { path: "Quiet", newName: "Still quiet" });
    expect((await all()).find((f) => f.path === "Still quiet")).toMatchObject({ subscribed: false });
    await deleteFolder(bob, { path: "Still quiet" });
  });
});

describe("Empty Trash / Empty Junk", () => {
  it.each([
    ["\\Trash", "Trash"],
    ["\\Junk", "Junk"],
  ] as const)("%s: removes every message for good, and nothing elsewhere", async (use, folder) => {
    await createFolder(bob, { name: "Keep" });
    await raw(async (c) => {
      for (let i = 0; i < 3; i++) await c.append(folder, `Subject: junk ${i}\r\n\r\nx\r\n`);
      await c.append("Keep", "Subject: keep me\r\n\r\nx\r\n");
    });
    // Other test files may have left messages there: all of them go.
    const before = Object.fromEntries((await all()).map((f) => [f.path, f.total]));
    expect(before[folder]).toBeGreaterThanOrEqual(3);
    expect(await emptyFolder(bob, { specialUse: use })).toEqual({ path: folder, removed: before[folder] });
    const after = Object.fromEntries((await all()).map((f) => [f.path, f.total]));
    expect(after).toEqual({ ...before, [folder]: 0 });
    expect(await emptyFolder(bob, { specialUse: use })).toEqual({ path: folder, removed: 0 });
    await deleteFolder(bob, { path: "Keep" });
  });
});
