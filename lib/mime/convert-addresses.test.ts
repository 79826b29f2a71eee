import { parseAddressHeader } from "mailparser";
import { describe, expect, it } from "vitest";
import { convertAddresses } from "@/lib/mime/convert-addresses";

describe("convertAddresses", () => {
  it("flattens groups and repeated headers into one list", () => {
    const first = parseAddressHeader("Team: a@x.org, \"B, b\" <b@x.org>;, c@x.org");
    const second = parseAddressHeader("undisclosed-recipients:;, D <d@x.org>");
    expect(convertAddresses([first, second])).toEqual([
      { name: "", address: "a@x.org" },
      { name: "B, b", address: "b@x.org" },
      { name: "", address: "c@x.org" },
      { name: "D", address: "d@x.org" },
    ]);
  });

  it("keeps name-only entries, drops empty ones, and handles a missing header", () => {
    expect(convertAddresses(parseAddressHeader("Alice, <>"))).toEqual([{ name: "Alice", address: "" }]);
    expect(convertAddresses(undefined)).toEqual([]);
  });
});
