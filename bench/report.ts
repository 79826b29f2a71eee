import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Row, Target } from "./report-types";

export type Machine = { cpus: number; cpuModel: string; memoryGiB: number; kernel: string; node: string; dovecot: string };

export function machineFacts(): Machine {
  let dovecot = "unknown";
  try {
    dovecot = execFileSync("dovecot", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    // not installed where the bench runs: the lab would have failed first anyway
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    dovecot,
  };
}

function formatValue(v: number | null, unit: string): string {
  if (v === null || Number.isNaN(v)) return "-";
  if (unit === "bytes") {
    if (v >= 2 ** 20) return `${(v / 2 ** 20).toFixed(1)} MiB`;
    if (v >= 1024) return `${(v / 1024).toFixed(1)} KiB`;
    return `${v} B`;
  }
  if (unit === "ms") return `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
  if (unit === "MiB") return `${v.toFixed(2)} MiB`;
  return `${v.toFixed(2)} ${unit}`;
}

function formatRatio(r: number | null): string {
  if (r === null) return "-";
  return r >= 100 ? `${Math.round(r).toLocaleString("en-US")}×` : `${r.toFixed(2)}×`;
}

function formatTarget(t: Target | null, unit: string): string {
  if (!t) return "-";
  return t.of === "ratio" ? `≤ ${t.max}×` : `≤ ${formatValue(t.max, unit)}`;
}

/** The rows as display cells: what? measured, baseline, ratio, target, status. */
function cells(r: Row): string[] {
  const baseline = r.baselineName ? `${formatValue(r.baseline, r.unit)} (${r.baselineName})` : "-";
  return [r.id, r.name, formatValue(r.measured, r.unit), baseline, formatRatio(r.ratio), formatTarget(r.target, r.unit), r.status];
}

const HEADER = ["#", "what", "measured", "baseline (same run)", "ratio", "target", "status"];

/** A fixed-width table for the terminal, notes below it. */
export function textTable(rows: Row[]): string {
  const all = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((s, i) => s.padEnd(widths[i])).join("  ").trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.id}: ${r.note}`);
  return [line(HEADER), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice().map((r) => line(cells(r))), "", ...notes].join("\n");
}

/** The same table in Markdown, for BENCHMARKS.md. */
export function markdownTable(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(" | ")} |`),
  ].join("\n");
}

export type Results = {
  startedAt: string;
  seconds: number;
  machine: Machine;
  loadAverage: { start: number; end: number };
  labRestarted: boolean;
  prepared: string[];
  rows: Row[];
};

export function writeResults(file: string, data: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...data, markdown: markdownTable(data.rows) }, null, 2) + "\n");
}
