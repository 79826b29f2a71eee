import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { row, type Row } from "../report-types";

// Case 10 (issue 20): JavaScript a browser downloads on the first load of a page, gzip-compressed
// as Postern's own server sends it (Node's zlib, level 6), from the production build's manifests:
// the framework's files every page loads (rootMainFiles: React DOM, the Next router) and the
// page's own client components (entryJSFiles of its client reference manifest). Polyfills are
// left out: modern browsers skip them (nomodule).

const gzipKiB = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length / 1024;

function pageScripts(buildDir: string, page: string): { framework: string[]; own: string[] } {
  const build = JSON.parse(fs.readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifest = fs.readFileSync(path.join(buildDir, "server/app", page, "page_client-reference-manifest.js"), "utf8");
  const entries = /"entryJSFiles":(\{.*?\})\}/.exec(manifest);
  const own = new Set<string>(entries ? Object.values(JSON.parse(entries[1]) as Record<string, string[]>).flat() : []);
  return { framework: build.rootMainFiles, own: [...own].filter((f) => !build.rootMainFiles.includes(f)) };
}

export function pageWeight(buildDir: string): Row[] {
  const weigh = (page: string) => {
    const { framework, own } = pageScripts(buildDir, page);
    const sum = (files: string[]) => files.reduce((kib, f) => kib + gzipKiB(path.join(buildDir, f)), 0);
    return { framework: sum(framework), own: sum(own), files: framework.length + own.length };
  };
  const pages = [
    { id: "10", page: "mail", name: "first load of the mail page, JavaScript (gzip)", target: { max: 100, of: "value" } as const },
    { id: "10b", page: "mail/compose", name: "first load of the compose page, JavaScript (gzip)", target: null },
    { id: "10c", page: "login", name: "first load of the sign-in page, JavaScript (gzip)", target: null },
  ];
  return pages.map((p) => {
    const w = weigh(p.page);
    return row({
      id: p.id,
      name: p.name,
      measured: Math.round((w.framework + w.own) * 10) / 10,
      unit: "KiB",
      baselineName: "React DOM + Next's client runtime alone (every page)",
      baseline: Math.round(w.framework * 10) / 10,
      target: p.target,
      note: `${w.files} files; the page's own components ${w.own.toFixed(1)} KiB`,
      details: w,
    });
  });
}
