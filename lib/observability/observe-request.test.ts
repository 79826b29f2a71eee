import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLogger, setLoggerForTests } from "./logger";
import { makeRequestObserver } from "./observe-request";
import { routeMatcher } from "./route-label";

// The observer on a real Node server, as server.mjs uses it.
let out = "";
let base = "";
let server: http.Server;
let trustProxy = 0;

beforeAll(async () => {
  setLoggerForTests(new Writable({ write: (chunk, _e, done) => ((out += chunk.toString()), done()) }));
  const matchRoute = routeMatcher({ staticRoutes: [{ page: "/mail" }], dynamicRoutes: [{ page: "/r/[token]", regex: "^/r/([^/]+?)(?:/)?$" }] });
  server = http.createServer((req, res) => {
    makeRequestObserver({ trustProxy, matchRoute })(req, res);
    res.statusCode = req.url?.startsWith("/r/") ? 410 : 200;
    // As a route handler's error log would, later in the request and without passing the id.
    if (req.url === "/fails") setImmediate(() => (getLogger().error({ where: "route" }, "unexpected error"), res.end()));
    else res.end(String(req.headers["x-request-id"]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function lines(): Promise<Record<string, unknown>[]> {
  for (let i = 0; i < 100 && out.trim().split("\n").length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  const all = out.trim().split("\n").map((l) => JSON.parse(l));
  out = "";
  return all;
}

async function lastLine(): Promise<Record<string, unknown>> {
  // The line is written when the response closes, just after the client has it.
  for (let i = 0; i < 100 && !out.trim(); i++) await new Promise((r) => setTimeout(r, 10));
  const lines = out.trim().split("\n");
  out = "";
  return JSON.parse(lines[lines.length - 1]);
}

describe("makeRequestObserver", () => {
  it("logs id, method, route pattern, status and time, and never the path or query", async () => {
    const res = await fetch(`${base}/r/AbCdEfGhIjKlMnOpQrStUv?key=sekrit`, { headers: { Cookie: "authjs.session-token=cookie-sekrit" } });
    const id = res.headers.get("x-request-id");
    expect(await res.text()).toBe(id);
    const line = await lastLine();
    expect(line).toMatchObject({ reqId: id, method: "GET", route: "/r/[token]", status: 410, msg: "request" });
    expect(typeof line.ms).toBe("number");
    expect(JSON.stringify(line)).not.toMatch(/AbCdEf|sekrit/);
  });

  it("ignores a client's X-Request-Id without a trusted proxy, takes a proxy's with one", async () => {
    trustProxy = 0;
    const own = await fetch(`${base}/mail`, { headers: { "X-Request-Id": "client-chosen-id-1" } });
    expect(own.headers.get("x-request-id")).not.toBe("client-chosen-id-1");
    await lastLine();
    trustProxy = 1;
    const proxied = await fetch(`${base}/mail`, { headers: { "X-Request-Id": "proxy-chosen-id-1" } });
    expect(proxied.headers.get("x-request-id")).toBe("proxy-chosen-id-1");
    expect(await lastLine()).toMatchObject({ reqId: "proxy-chosen-id-1", route: "/mail" });
    trustProxy = 0;
  });

  it("tags what is logged during the request with its id, and with no other request's", async () => {
    const [first, second] = await Promise.all([fetch(`${base}/fails`), fetch(`${base}/fails`)]);
    const ids = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
    for (let i = 0; i < 100 && out.trim().split("\n").length < 4; i++) await new Promise((r) => setTimeout(r, 10));
    const logged = await lines();
    const errors = logged.filter((l) => l.msg === "unexpected error");
    expect(errors.map((l) => l.reqId).sort()).toEqual([...ids].sort());
  });
});
