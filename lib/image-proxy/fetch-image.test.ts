import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPosternError } from "@/lib/http/errors";
import { fetchRemoteImage, type FetchImageOptions } from "./fetch-image";

// A local image server on 127.0.0.1 (the only place a test may connect to): the proxy is told to
// allow loopback, as IMAGE_PROXY_ALLOW_LOOPBACK does for e2e, or not, and DNS answers are faked.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
let origin = "";
let port = 0;
const hits: string[] = [];
const server = http.createServer((req, res) => {
  hits.push(req.url ?? "");
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname === "/a.png") return void res.writeHead(200, { "Content-Type": "image/png" }).end(PNG);
  if (url.pathname === "/svg") return void res.writeHead(200, { "Content-Type": "image/svg+xml" }).end("<svg/>");
  if (url.pathname === "/html") return void res.writeHead(200, { "Content-Type": "text/html" }).end("<p>");
  if (url.pathname === "/big") return void res.writeHead(200, { "Content-Type": "image/png" }).end(Buffer.alloc(2048));
  if (url.pathname === "/slow") return void setTimeout(() => res.writeHead(200, { "Content-Type": "image/png" }).end(PNG), 2000);
  if (url.pathname === "/redirect") return void res.writeHead(302, { Location: url.searchParams.get("to") ?? "/a.png" }).end();
  if (url.pathname === "/loop") return void res.writeHead(302, { Location: "/loop" }).end();
  res.writeHead(404).end();
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const loopback: FetchImageOptions = { allowLoopback: true };
const fakeDns = (answers: Record<string, string[]>): FetchImageOptions["resolve"] => (host, cb) => {
  const list = answers[host];
  if (!list) return cb(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" }), []);
  cb(null, list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
};

async function failure(url: string, opts: FetchImageOptions): Promise<string> {
  try {
    await fetchRemoteImage(url, opts);
  } catch (e) {
    if (isPosternError(e)) return e.code;
    throw e;
  }
  return "fetched";
}

describe("fetchRemoteImage", () => {
  it("fetches an image and says its type", async () => {
    const image = await fetchRemoteImage(`${origin}/a.png`, loopback);
    expect(image.contentType).toBe("image/png");
    expect(image.body.equals(PNG)).toBe(true);
  });

  it("refuses loopback unless tests allow it, without connecting", async () => {
    hits.length = 0;
    expect(await failure(`${origin}/a.png`, { allowLoopback: false })).toBe("FORBIDDEN");
    expect(await failure(`http://[::1]:${port}/a.png`, { allowLoopback: false })).toBe("FORBIDDEN");
    // other spellings of 127.0.0.1 that the URL parser turns into it
    expect(await failure(`http://2130706433:${port}/a.png`, { allowLoopback: false })).toBe("FORBIDDEN");
    expect(await failure(`http://0x7f.1:${port}/a.png`, { allowLoopback: false })).toBe("FORBIDDEN");
    expect(await failure(`http://[::ffff:127.0.0.1]:${port}/a.png`, { allowLoopback: false })).toBe("FORBIDDEN");
    expect(hits).toEqual([]);
  });

  it.each(["http://10.0.0.1/a.png", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://224.0.0.1/"])(
    "refuses %s even with loopback allowed, without connecting",
    async (url) => {
      expect(await failure(url, loopback)).toBe("FORBIDDEN");
    },
  );

  it("refuses other schemes", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/a.png", "gopher://x/", "data:image/png;base64,AA==", "not a url"]) {
      expect(await failure(url, loopback)).toBe("FORBIDDEN");
    }
  });

  it("checks what a name resolves to: a private answer is refused, even next to a public one", async () => {
    hits.length = 0;
    const resolve = fakeDns({ "inside.test": ["10.1.2.3"], "mixed.test": ["8.8.8.8", "192.168.0.10"], "meta.test": ["::ffff:169.254.169.254"] });
    for (const host of ["inside.test", "mixed.test", "meta.test"]) {
      expect(await failure(`http://${host}:${port}/a.png`, { allowLoopback: true, resolve })).toBe("FORBIDDEN");
    }
    expect(hits).toEqual([]);
  });

  it("connects to the address it checked (the pinned one), whatever the name", async () => {
    const resolve = fakeDns({ "images.test": ["127.0.0.1"] });
    const image = await fetchRemoteImage(`http://images.test:${port}/a.png`, { allowLoopback: true, resolve });
    expect(image.contentType).toBe("image/png");
  });

  it("does not re-resolve: a name answering public first and private later is only ever asked once", async () => {
    let asked = 0;
    const resolve: FetchImageOptions["resolve"] = (_host, cb) => {
      asked++;
      cb(null, [{ address: asked === 1 ? "127.0.0.1" : "10.0.0.1", family: 4 }]);
    };
    await fetchRemoteImage(`http://rebind.test:${port}/a.png`, { allowLoopback: true, resolve });
    expect(asked).toBe(1);
  });

  it("follows a few redirects, checking each target", async () => {
    const image = await fetchRemoteImage(`${origin}/redirect?to=/redirect%3Fto%3D/a.png`, loopback);
    expect(image.contentType).toBe("image/png");
    expect(await failure(`${origin}/loop`, loopback)).toBe("IMAGE_UNAVAILABLE");
    hits.length = 0;
    expect(await failure(`${origin}/redirect?to=${encodeURIComponent("http://169.254.169.254/")}`, loopback)).toBe("FORBIDDEN");
    expect(await failure(`${origin}/redirect?to=${encodeURIComponent("file:///etc/passwd")}`, loopback)).toBe("FORBIDDEN");
    expect(hits.every((h) => h.startsWith("/redirect"))).toBe(true);
  });

  it("passes only raster images: SVG and HTML are refused", async () => {
    expect(await failure(`${origin}/svg`, loopback)).toBe("IMAGE_UNAVAILABLE");
    expect(await failure(`${origin}/html`, loopback)).toBe("IMAGE_UNAVAILABLE");
    expect(await failure(`${origin}/missing.png`, loopback)).toBe("IMAGE_UNAVAILABLE");
  });

  it("stops at the size and time limits", async () => {
    expect(await failure(`${origin}/big`, { ...loopback, maxBytes: 1024 })).toBe("IMAGE_UNAVAILABLE");
    const started = Date.now();
    expect(await failure(`${origin}/slow`, { ...loopback, timeoutMs: 300 })).toBe("IMAGE_UNAVAILABLE");
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
