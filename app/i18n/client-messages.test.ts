import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/load-messages";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The module a relative or "@/" import names, or null (a package). */
function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every module in the browser's bundle: "use client" modules and what they import (not types,
 * not what "use server" modules import). */
function clientModules(): Set<string> {
  const seen = new Set<string>();
  const todo = sourceFiles(path.join(ROOT, "app")).filter((f) => /^\s*["']use client["']/.test(fs.readFileSync(f, "utf8")));
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file, "utf8");
    // a server action imported by client code is a reference to the server: nothing it imports is bundled
    if (/^\s*["']use server["']/.test(code)) continue;
    for (const m of code.matchAll(/(?:import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      if (m[1]) continue;
      const target = resolveImport(file, m[2] ?? m[3]);
      if (target && /\.tsx?$/.test(target)) todo.push(target);
    }
  }
  return seen;
}

describe("the catalog's part sent to the browser", () => {
  it("holds every namespace a client component translates with", () => {
    const used = new Map<string, string>();
    for (const file of clientModules()) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/useTranslations(?:<[^>]*>)?\(\s*([^)]*?)\s*\)/g)) {
        // a namespace the check cannot read would slip through: client code names it literally
        expect(m[1], `${path.relative(ROOT, file)}: useTranslations(${m[1]})`).toMatch(/^"[A-Za-z]+"$/);
        used.set(m[1].slice(1, -1), path.relative(ROOT, file));
      }
    }
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter(([ns]) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns));
    expect(missing, "add these to CLIENT_NAMESPACES").toEqual([]);
  });

  it("is those namespaces of the catalog, and much less than all of it", () => {
    const part = clientMessages(CATALOGS.en);
    expect(Object.keys(part).sort()).toEqual([...CLIENT_NAMESPACES].filter((ns) => ns in CATALOGS.en).sort());
    expect(JSON.stringify(part).length).toBeLessThan(JSON.stringify(CATALOGS.en).length * 0.7);
  });
});
