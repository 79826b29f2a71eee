import fs from "node:fs";
import path from "node:path";
import type { ImapFlow } from "imapflow";
import type { Browser, RawBody } from "../browser";
import { BIG_FOLDER } from "../config";
import { row, type Row } from "../report-types";
import { interleave } from "../stats";

/** The message opened: near 1 KB, among the newest of the 100k folder (the seeded ones are 0.5-2 KB). */
async function smallMessageUid(raw: ImapFlow): Promise<{ uid: number; size: number }> {
  const box = await raw.mailboxOpen(BIG_FOLDER.path);
  let best: { uid: number; size: number } | null = null;
  for await (const m of raw.fetch(`${Math.max(1, box.exists - 49)}:*`, { uid: true, size: true })) {
    const size = m.size ?? 0;
    if (!best || Math.abs(size - 1024) < Math.abs(best.size - 1024)) best = { uid: m.uid, size };
  }
  if (!best) throw new Error(`${BIG_FOLDER.path} is empty`);
  return best;
}

/**
 * The request Next's router makes when a link inside the mail page is clicked: `RSC: 1` with the
 * router's state tree, which says the root and mail layouts are already on screen, so only the
 * page segment is rendered. `from` is the URL shown before the click (the list).
 */
export function rscHeaders(from: string): Record<string, string> {
  const search = Object.fromEntries(new URL(from, "http://x").searchParams);
  const pageKey = `__PAGE__?${JSON.stringify(search)}`;
  const tree = ["", { children: ["mail", { children: [pageKey, {}] }] }];
  return { rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(tree)) };
}

/** The id Next gave the server action a click in the list calls (app/mail/open-pane.ts), from
 * the production build's manifest. */
function openPaneActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.filename === "app/mail/open-pane.ts" && a.exportedName === "openPane")?.[0];
  if (!id) throw new Error("openPane is not in .next/server/server-reference-manifest.json: build first");
  return id;
}

/**
 * The request a click in the list makes (reading-pane-switch.tsx): a POST of the server action
 * to the page's URL after the click, its argument (null, FormData) encoded as React's
 * encodeReply does (the root `0`, the form's fields as `_1_<name>`).
 */
export function openPaneRequest(html: string, search: string, ahead: number | null): { body: RawBody; headers: Record<string, string> } {
  const token = /<meta name="postern-csrf" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no CSRF token in the mail page");
  const boundary = "----postern-bench";
  const fields: [string, string][] = [["_1_postern-csrf", token], ["_1_search", search], ["_1_specialUse", "\\Inbox"], ...(ahead ? [["_1_ahead", String(ahead)] as [string, string]] : []), ["0", '[null,"$K1"]']];
  const data = Buffer.from(fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`);
  return { body: { type: `multipart/form-data; boundary=${boundary}`, data }, headers: { accept: "text/x-component", "next-action": openPaneActionId() } };
}

/**
 * Case 11 (issue 20): opening a ~1 KB message of the 100k folder over HTTP (the production build),
 * against raw imapflow on an open connection with the folder selected: one FETCH of the flags,
 * structure and whole message, the least any client does to show a message.
 * 11a is the page a browser loads (HTML), 11b the request a click in the list makes (the
 * reading pane's server action), 11b' the request it made before the pane was fetched alone (the
 * page segment's RSC, which links elsewhere to a message still make).
 */
export async function openHttp(ctx: { browser: Browser; raw: ImapFlow }): Promise<Row[]> {
  const { uid, size } = await smallMessageUid(ctx.raw);
  const list = `/mail?folder=${encodeURIComponent(BIG_FOLDER.path)}`;
  const page = `${list}&uid=${uid}`;
  const rsc = rscHeaders(list);
  // Next checks the `_rsc` cache-busting parameter against a hash of the router headers and
  // redirects to the right one: asked once, as a browser's router computes it
  const probe = await ctx.browser.request("GET", `${page}&_rsc=0`, undefined, rsc);
  const rscPath = probe.status === 307 && probe.headers.location ? probe.headers.location : `${page}&_rsc=0`;
  const expectOk = (headers?: Record<string, string>, type?: string) => async () => {
    const res = await ctx.browser.request("GET", headers ? rscPath : page, undefined, headers);
    if (res.status !== 200) throw new Error(`GET ${page}: ${res.status} ${res.headers.location ?? ""}`);
    if (type && !String(res.headers["content-type"]).startsWith(type)) throw new Error(`GET ${page}: ${res.headers["content-type"]}, expected ${type}`);
    return res.body.length;
  };
  const html = (await ctx.browser.request("GET", page)).body.toString();
  const open = openPaneRequest(html, new URL(page, "http://x").search.slice(1), uid > 1 ? uid - 1 : null);
  const openPane = async () => {
    const res = await ctx.browser.request("POST", page, open.body, { ...open.headers, "next-router-state-tree": rsc["next-router-state-tree"] });
    const body = res.body.toString();
    if (res.status !== 200 || !body.includes("message-subject")) throw new Error(`open in the pane: ${res.status} ${body.slice(0, 300)}`);
    return res.body.length;
  };
  const bytes = { page: await expectOk(undefined, "text/html")(), rsc: await expectOk(rsc, "text/x-component")(), pane: await openPane() };
  const r = await interleave(
    [
      {
        name: "raw",
        run: async () => {
          const m = await ctx.raw.fetchOne(String(uid), { uid: true, flags: true, bodyStructure: true, source: true }, { uid: true });
          if (!m || !m.source) throw new Error(`message ${uid} vanished`);
        },
      },
      { name: "page", run: expectOk() },
      { name: "rsc", run: expectOk(rsc) },
      { name: "pane", run: openPane },
    ],
    { warmup: 10, iterations: 100 },
  );
  const vsRaw = { unit: "ms", baselineName: "raw imapflow: one FETCH of flags, structure and the message, p50", baseline: r.raw.p50 } as const;
  return [
    row({
      id: "11a",
      name: `open a ${(size / 1024).toFixed(1)} KB message in the 100k folder: the page a browser loads, p50`,
      measured: r.page.p50,
      ...vsRaw,
      target: { max: 20, of: "value" },
      note: `p95 ${r.page.p95.toFixed(1)} ms (raw p95 ${r.raw.p95.toFixed(1)} ms); ${(bytes.page / 1024).toFixed(0)} KiB of HTML`,
      details: { uid, size, bytes, latency: r },
    }),
    row({
      id: "11b",
      name: "same message, the request a click in the list makes (the reading pane alone), p50",
      measured: r.pane.p50,
      ...vsRaw,
      target: { max: 10, of: "value" },
      note: `p95 ${r.pane.p95.toFixed(1)} ms; ${(bytes.pane / 1024).toFixed(1)} KiB of RSC payload`,
    }),
    row({
      id: "11b'",
      name: "same message, the page segment as a link elsewhere asks for it (RSC), p50",
      measured: r.rsc.p50,
      ...vsRaw,
      target: null,
      note: `p95 ${r.rsc.p95.toFixed(1)} ms; ${(bytes.rsc / 1024).toFixed(0)} KiB of RSC payload; what a click in the list made before`,
    }),
  ];
}
