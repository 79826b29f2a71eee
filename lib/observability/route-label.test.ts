import { describe, expect, it } from "vitest";
import { methodLabel, routeMatcher, UNMATCHED_ROUTE } from "./route-label";

// Shaped like .next/routes-manifest.json.
const table = {
  staticRoutes: [{ page: "/" }, { page: "/mail" }, { page: "/api/messages/list" }, { page: "/metrics" }],
  dynamicRoutes: [
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/r/[token]", regex: "^/r/([^/]+?)(?:/)?$" },
  ],
};

describe("routeMatcher", () => {
  const match = routeMatcher(table);

  it("names a read link's route by its pattern, never its token", () => {
    expect(match("/r/AbCdEfGhIjKlMnOpQrStUv")).toBe("/r/[token]");
  });

  it("matches static routes exactly, with or without a trailing slash", () => {
    expect(match("/mail")).toBe("/mail");
    expect(match("/mail/")).toBe("/mail");
    expect(match("/")).toBe("/");
    expect(match("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
  });

  it("puts Next's files and unknown paths in a few fixed labels", () => {
    expect(match("/_next/static/chunks/abc123.js")).toBe("/_next/static");
    expect(match("/wp-admin/setup.php")).toBe(UNMATCHED_ROUTE);
    expect(match("/mail/" + "x".repeat(5000))).toBe(UNMATCHED_ROUTE);
  });

  it("skips a pattern it cannot compile rather than fail", () => {
    const broken = routeMatcher({ staticRoutes: [], dynamicRoutes: [{ page: "/x/[y]", regex: "(" }] });
    expect(broken("/x/1")).toBe(UNMATCHED_ROUTE);
  });
});

describe("methodLabel", () => {
  it("keeps the usual methods and folds the rest", () => {
    expect(methodLabel("get")).toBe("GET");
    expect(methodLabel("PROPFIND")).toBe("OTHER");
    expect(methodLabel(undefined)).toBe("OTHER");
  });
});
