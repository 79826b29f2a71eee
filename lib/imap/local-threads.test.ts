import type { ImapFlow } from "imapflow";
import { describe, expect, it } from "vitest";
import { secretKeys } from "@/lib/threads/keyed-headers";
import { fetchLocalThreads } from "./local-threads";

const key = secretKeys(Buffer.alloc(32, 1));

/** A folder of `n` messages, UID = sequence number; message k > 1 replies to k - 1. */
function fakeClient(n: number) {
  const requests: { range: string; query: Record<string, unknown> }[] = [];
  const client = {
    async search() {
      requests.push({ range: "search", query: {} });
      return Array.from({ length: n }, (_, i) => i + 1);
    },
    async *fetch(range: string, query: Record<string, unknown>) {
      requests.push({ range, query });
      const [from, to] = range.split(":").map((x) => (x === "*" ? n : Number(x)));
      for (let uid = from; uid <= (to ?? from); uid++) {
        const refs = uid > 1 ? `References: <m${uid - 1}@x>\r\n` : "";
        const headers = Buffer.from(`Message-ID: <m${uid}@x>\r\n${refs}Subject: ${uid > 1 ? "Re: " : ""}chain\r\n\r\n`);
        yield query.headers ? { uid, headers } : { uid };
      }
    },
  };
  return { client: client as unknown as ImapFlow, requests };
}

describe("fetchLocalThreads", () => {
  it("threads the folder from the five threading header fields only", async () => {
    const { client, requests } = fakeClient(5);
    expect(await fetchLocalThreads(client, 5, { key })).toMatchObject({ threads: [[1, 2, 3, 4, 5]], headersFetched: 5, gone: 0 });
    expect(requests).toEqual([{ range: "1:*", query: { uid: true, headers: ["message-id", "in-reply-to", "references", "subject", "date"] } }]);
  });

  it("fetches headers of the newest `max` messages only; older ones are listed alone, costing their UIDs", async () => {
    const { client, requests } = fakeClient(10);
    const { threads, headersFetched } = await fetchLocalThreads(client, 10, { key, max: 4 });
    expect(headersFetched).toBe(4);
    expect(threads).toEqual([[1], [2], [3], [4], [5], [6], [7, 8, 9, 10]]);
    expect(requests.map((r) => r.range)).toEqual(["1:6", "7:*"]);
    expect(requests[0].query).toEqual({ uid: true });
  });

  it("costs nothing on an empty folder", async () => {
    const { client, requests } = fakeClient(0);
    expect(await fetchLocalThreads(client, 0, { key })).toMatchObject({ threads: [], headersFetched: 0 });
    expect(requests).toHaveLength(0);
  });

  it("fetches only the headers it does not know, and threads the known with the new", async () => {
    const first = await fetchLocalThreads(fakeClient(3).client, 3, { key });
    const gone = { ...first.headers[0], id: 99 }; // a message expunged since
    const { client, requests } = fakeClient(5);
    const again = await fetchLocalThreads(client, 5, { key, known: [...first.headers, gone] });
    expect(again).toMatchObject({ threads: [[1, 2, 3, 4, 5]], headersFetched: 2, gone: 1 });
    expect(again.headers.map((m) => m.id)).toEqual([1, 2, 3, 4, 5]);
    expect(requests.map((r) => r.range)).toEqual(["search", "4:5"]);
  });
});
