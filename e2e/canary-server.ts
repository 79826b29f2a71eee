import http from "node:http";
import type { AddressInfo } from "node:net";

/** `proxied`: the request came from Postern's image proxy (its user agent), not from a browser. */
export type CanaryHit = { path: string; dest: string; proxied: boolean };

/** A 1x1 red PNG. */
export const PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

export type CanaryServer = {
  origin: string;
  hits: CanaryHit[];
  close(): Promise<void>;
};

/** The page /control runs this; the XSS test opens it once to prove its detectors work. */
export type ControlPage = (origin: string) => string;

/**
 * A server on 127.0.0.1 (random port) that records every request: a hostile message reaching it
 * means it loaded or ran something. `Sec-Fetch-Dest` tells an image (allowed once the reader
 * chose "Show images") from anything else. /control serves `control` as HTML; /png/* a real PNG
 * (the image proxy passes on images only).
 */
export async function startCanary(control: ControlPage): Promise<CanaryServer> {
  const hits: CanaryHit[] = [];
  let origin = "";
  const server = http.createServer((req, res) => {
    if (req.url === "/control") {
      res.writeHead(200, { "Content-Type": "text/html" }).end(control(origin));
      return;
    }
    hits.push({ path: req.url ?? "", dest: String(req.headers["sec-fetch-dest"] ?? ""), proxied: /^Postern-ImageProxy\//.test(req.headers["user-agent"] ?? "") });
    if (req.url?.startsWith("/png/")) {
      res.writeHead(200, { "Content-Type": "image/png" }).end(PIXEL_PNG);
      return;
    }
    res.writeHead(200, { "Content-Type": "text/plain", "Access-Control-Allow-Origin": "*" }).end("canary");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
