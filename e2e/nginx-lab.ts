import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const ACCESS_LOG = path.join(ROOT, "data/lab/nginx/logs/access.log");

/** The lab's nginx (mail-lab/nginx, deploy/nginx/postern.conf) and the two ports it proxies to. */
export const NGINX_PORT = Number(process.env.LAB_NGINX_PORT ?? 3443);
export const NGINX_URL = `https://127.0.0.1:${NGINX_PORT}`;
export const UPSTREAM_PORTS = [NGINX_PORT + 1, NGINX_PORT + 2] as const;

export type ProxiedRequest = { method: string; path: string; status: number; upstreams: number[] };

/** Where the access log ends now: requests logged after it are the ones `requestsSince` returns. */
export function accessLogEnd(): number {
  return fs.existsSync(ACCESS_LOG) ? fs.statSync(ACCESS_LOG).size : 0;
}

/** The requests nginx logged (when they ended) since `offset`, with the Postern ports it tried
 * for each, in order (two for a request that failed over). */
export function requestsSince(offset: number): ProxiedRequest[] {
  const text = fs.readFileSync(ACCESS_LOG).subarray(offset).toString("utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [, method, uri, status] = line.split(" ");
      const upstreams = [...(line.match(/upstream=([^ ].*?) upstream_status=/)?.[1] ?? "").matchAll(/:(\d+)/g)].map((m) => Number(m[1]));
      return { method, path: uri, status: Number(status), upstreams };
    });
}

/** A new, empty database on the lab's PostgreSQL (mail-lab/pg), for Postern processes to share. */
export function createLabDatabase(name: string): string {
  return execFileSync("bash", [path.join(ROOT, "mail-lab/pg"), "createdb", name], { encoding: "utf8" }).trim().split("\n").at(-1)!;
}

export function dropLabDatabase(name: string): void {
  execFileSync("bash", [path.join(ROOT, "mail-lab/pg"), "dropdb", name], { stdio: "ignore" });
}
