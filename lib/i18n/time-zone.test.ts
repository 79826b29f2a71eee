import { describe, expect, it } from "vitest";
import { validTimeZone } from "./time-zone";

describe("validTimeZone", () => {
  it("takes IANA zones", () => {
    expect(validTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(validTimeZone("Asia/Bangkok")).toBe("Asia/Bangkok");
    expect(validTimeZone("America/Argentina/Buenos_Aires")).toMatch(/Buenos_Aires$/); // a link: Intl may give its target
    expect(validTimeZone("UTC")).toBe("UTC");
  });
  it("refuses anything else", () => {
    for (const bad of [null, undefined, "", "Mars/Olympus", "Europe/Berlin; x=1", "../../etc", "A".repeat(100), "Europe/Berlin\n"]) expect(validTimeZone(bad), String(bad)).toBeNull();
  });
});
