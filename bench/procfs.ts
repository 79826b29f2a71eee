import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** Resident set size in KiB (VmRSS), or null if the process is gone. */
export function rssKiB(pid: number): number | null {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "");
  return m ? Number(m[1]) : null;
}

/** Proportional set size in KiB: shared pages (libraries, mmapped indexes) split between the
 * processes sharing them, so summing it over many Dovecot processes does not count them N times. */
export function pssKiB(pid: number): number | null {
  const m = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? "");
  return m ? Number(m[1]) : null;
}

type Stat = { pid: number; ppid: number; comm: string; cpuSeconds: number };

/** Parses /proc/<pid>/stat; comm may contain spaces and parentheses, so split after the last ')'. */
function stat(pid: number): Stat | null {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return null;
  const close = text.lastIndexOf(")");
  const comm = text.slice(text.indexOf("(") + 1, close);
  const f = text.slice(close + 2).split(" ");
  // fields after comm: state(0) ppid(1) ... utime(11) stime(12)
  return { pid, ppid: Number(f[1]), comm, cpuSeconds: (Number(f[11]) + Number(f[12])) / CLK_TCK };
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  return stat(pid)?.cpuSeconds ?? 0;
}

/** The process and all its descendants (Dovecot's master and its service processes). */
export function processTree(rootPid: number): Stat[] {
  const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map((d) => stat(Number(d)));
  const byParent = new Map<number, Stat[]>();
  for (const s of all) if (s) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s]);
  const root = all.find((s) => s?.pid === rootPid);
  const out: Stat[] = root ? [root] : [];
  for (let i = 0; i < out.length; i++) out.push(...(byParent.get(out[i].pid) ?? []));
  return out;
}

/** Sum over a process tree: PSS in KiB, CPU seconds per process, and how many processes of each name. */
export function treeUsage(rootPid: number): { pssKiB: number; cpu: Map<number, number>; processes: Record<string, number> } {
  let pss = 0;
  const cpu = new Map<number, number>();
  const processes: Record<string, number> = {};
  for (const p of processTree(rootPid)) {
    pss += pssKiB(p.pid) ?? 0;
    cpu.set(p.pid, p.cpuSeconds);
    processes[p.comm] = (processes[p.comm] ?? 0) + 1;
  }
  return { pssKiB: pss, cpu, processes };
}

/** CPU seconds a process tree used between two treeUsage() calls, process by process: a process
 * that ended in between takes its time with it (so this undercounts), one that started counts whole. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, t] of after) sum += t - (before.get(pid) ?? 0);
  return sum;
}

/** Busy CPU seconds of the whole machine so far (all cores; /proc/stat minus idle and iowait). */
export function machineBusySeconds(): number {
  const f = (read("/proc/stat") ?? "").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f;
  return (user + nice + system + irq + softirq + (steal ?? 0)) / CLK_TCK;
}

/** CPU seconds of the children a process has waited for (cutime + cstime): the time of Dovecot's
 * service processes that ended (a login process per connection in high-security mode), which a
 * snapshot of the live tree loses. */
export function reapedChildrenCpuSeconds(pid: number): number {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return 0;
  const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(f[13]) + Number(f[14])) / CLK_TCK; // cutime(13) cstime(14)
}

export type TreeCpu = { byPid: Map<number, { comm: string; cpu: number }>; reaped: number };

/** Per-process CPU of a tree, with the time of its root's ended children (cpuByName() diffs two). */
export function treeCpu(rootPid: number): TreeCpu {
  const byPid = new Map<number, { comm: string; cpu: number }>();
  for (const p of processTree(rootPid)) byPid.set(p.pid, { comm: p.comm, cpu: p.cpuSeconds });
  return { byPid, reaped: reapedChildrenCpuSeconds(rootPid) };
}

/** CPU seconds used between two treeCpu() snapshots, by process name (e.g. imap, imap-login, auth);
 * the time of processes that ended in between is under "(ended)". */
export function cpuByName(before: TreeCpu, after: TreeCpu): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [pid, p] of after.byPid) out[p.comm] = (out[p.comm] ?? 0) + p.cpu - (before.byPid.get(pid)?.cpu ?? 0);
  out["(ended)"] = after.reaped - before.reaped;
  return out;
}
