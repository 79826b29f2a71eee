import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { PosternError } from "@/lib/http/errors";
import { IMAGE_PROXY_MAX_BYTES, IMAGE_PROXY_MAX_REDIRECTS, IMAGE_PROXY_TIMEOUT_MS } from "@/lib/limits";
import { isAllowedTarget } from "./classify-address";

export type FetchedImage = { contentType: string; body: Buffer };

type LookupAll = (hostname: string, callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

export type FetchImageOptions = {
  /** Tests only (IMAGE_PROXY_ALLOW_LOOPBACK): their image servers are on 127.0.0.1. */
  allowLoopback: boolean;
  /** DNS resolution; tests pass a fake one to check what the proxy does with what it is told. */
  resolve?: LookupAll;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
};

const systemResolve: LookupAll = (hostname, callback) => dns.lookup(hostname, { all: true, verbatim: true }, callback);

const refused = (why: string) => new PosternError("FORBIDDEN", `The image proxy does not fetch from ${why}.`);
const unavailable = (why: string) => new PosternError("IMAGE_UNAVAILABLE", why);

/** Raster types the proxy passes on; SVG is a document (scripts, further fetches), never an image here. */
function imageType(header: string | undefined): string | null {
  const type = (header ?? "").split(";")[0].trim().toLowerCase();
  return /^image\/[a-z0-9.+-]+$/.test(type) && !type.includes("svg") ? type : null;
}

/**
 * Fetches a remote image for the image proxy, refusing to be used against Postern's own network
 * (SSRF): http(s) only; every address the name resolves to must be public (classify-address.ts),
 * and the connection goes to the address that was checked (the resolver is the socket's `lookup`,
 * so a second, different DNS answer can never be used: no DNS rebinding); each redirect is checked
 * the same way; size, time and redirect count are bounded; only image/* other than SVG passes.
 * @throws PosternError FORBIDDEN (a refused URL or address), IMAGE_UNAVAILABLE (anything else)
 */
export async function fetchRemoteImage(url: string, opts: FetchImageOptions): Promise<FetchedImage> {
  const deadline = Date.now() + (opts.timeoutMs ?? IMAGE_PROXY_TIMEOUT_MS);
  const maxRedirects = opts.maxRedirects ?? IMAGE_PROXY_MAX_REDIRECTS;
  let current = url;
  for (let hop = 0; ; hop++) {
    const answer = await requestOnce(current, { ...opts, deadline });
    if (answer.kind === "image") return answer.image;
    if (hop >= maxRedirects) throw unavailable("The image was redirected too many times.");
    current = answer.location;
  }
}

type Answer = { kind: "image"; image: FetchedImage } | { kind: "redirect"; location: string };

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused("an invalid address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refused(`${url.protocol} addresses`);
  return url;
}

function requestOnce(raw: string, opts: FetchImageOptions & { deadline: number }): Promise<Answer> {
  const url = checkUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const allowed = (address: string) => isAllowedTarget(address, { allowLoopback: opts.allowLoopback });
  // An IP literal is connected to without any lookup: check it here.
  if (net.isIP(host) && !allowed(host)) return Promise.reject(refused("a private or local address"));
  const resolve = opts.resolve ?? systemResolve;
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const usable = addresses.filter((a) => allowed(a.address));
      // one private answer among public ones is a sign of an attack: refuse the name
      if (usable.length === 0 || usable.length !== addresses.length) return callback(refused("a private or local address"), "", 4);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
  const remaining = opts.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(unavailable("The image took too long to load."));
  const maxBytes = opts.maxBytes ?? IMAGE_PROXY_MAX_BYTES;

  return new Promise<Answer>((resolvePromise, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      {
        protocol: url.protocol,
        host,
        port: url.port || undefined,
        path: url.pathname + url.search,
        method: "GET",
        lookup,
        // nothing about the reader goes out: no cookies, no referrer, a fixed user agent
        headers: { "User-Agent": "Postern-ImageProxy/1", Accept: "image/*" },
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          let next: string;
          try {
            next = new URL(res.headers.location, url).href;
          } catch {
            return reject(unavailable("The image was redirected to an invalid address."));
          }
          return resolvePromise({ kind: "redirect", location: next });
        }
        if (status !== 200) {
          res.resume();
          return reject(unavailable(`The image server answered ${status}.`));
        }
        const contentType = imageType(res.headers["content-type"]);
        if (!contentType) {
          res.destroy();
          return reject(unavailable("That address does not serve an image."));
        }
        const declared = Number(res.headers["content-length"] ?? "0");
        if (declared > maxBytes) {
          res.destroy();
          return reject(unavailable("The image is too large."));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            reject(unavailable("The image is too large."));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolvePromise({ kind: "image", image: { contentType, body: Buffer.concat(chunks) } }));
        res.on("error", (e) => reject(e instanceof PosternError ? e : unavailable("The image could not be loaded.")));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(unavailable("The image took too long to load."));
    }, remaining);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e instanceof PosternError ? e : unavailable("The image could not be loaded."));
    });
    req.end();
  });
}
