import http from "node:http";
import type { AddressInfo } from "node:net";

export type CanaryHit = { path: string; dest: string };

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
 * chose "Show images") from anything else. /control serves `control` as HTML.
 */
export async function startCanary(control: ControlPage): Promise<CanaryServer> {
  const hits: CanaryHit[] = [];
  let origin = "";
  const server = http.createServer((req, res) => {
    if (req.url === "/control") {
      res.writeHead(200, { "Content-Type": "text/html" }).end(control(origin));
      return;
    }
    hits.push({ path: req.url ?? "", dest: String(req.headers["sec-fetch-dest"] ?? "") });
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
