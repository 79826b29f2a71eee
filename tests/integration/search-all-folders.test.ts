import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "@/lib/imap/list-messages";
import { searchAllFolders, type FolderSearchResult } from "@/lib/imap/search-all-folders";
import { getPool, type ImapIdentity } from "@/lib/imap/session-pool";
import { CORPUS_SIZE, SUBJECTS } from "../../mail-lab/seed/corpus.mjs";
import { ALICE, signInAs } from "./helpers";

let alice: ImapIdentity;

beforeAll(async () => {
  alice = await signInAs(ALICE);
});
afterAll(() => getPool().closeAll());

async function collect(gen: AsyncGenerator<FolderSearchResult>): Promise<FolderSearchResult[]> {
  const out: FolderSearchResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe("search in all folders", () => {
  it("announces each folder, then its result, and finds the thread only in INBOX", async () => {
    const results = await collect(searchAllFolders(alice, { search: { subject: SUBJECTS.thread } }));
    expect(results[0]).toMatchObject({ folder: "INBOX", status: "searching" });
    const done = results.filter((r) => r.status === "done");
    expect(done.length).toBeGreaterThanOrEqual(6); // INBOX and the special-use folders at least
    const inbox = done.find((r) => r.folder === "INBOX");
    expect(inbox).toMatchObject({ total: 4 });
    expect(done.filter((r) => r.folder !== "INBOX").every((r) => r.status === "done" && r.total === 0)).toBe(true);
  });

  it("stops when cancelled", async () => {
    const ctrl = new AbortController();
    const seen: FolderSearchResult[] = [];
    for await (const r of searchAllFolders(alice, { search: { subject: "x" }, signal: ctrl.signal })) {
      seen.push(r);
      if (r.status === "done") ctrl.abort();
    }
    expect(seen.filter((r) => r.status === "done")).toHaveLength(1);
  });

  it("says when a folder took too long, goes on, and leaves the session working", async () => {
    const results = await collect(searchAllFolders(alice, { search: { body: "lorem" }, timeoutMs: 0 }));
    const finals = results.filter((r) => r.status !== "searching");
    expect(finals[0]).toMatchObject({ folder: "INBOX", status: "timeout", message: expect.stringMatching(/too long/) });
    expect(finals.length).toBeGreaterThan(1); // it did not give up after the first folder
    expect((await listMessages(alice, { folder: "INBOX", page: 1 })).total).toBe(CORPUS_SIZE);
  });
});
