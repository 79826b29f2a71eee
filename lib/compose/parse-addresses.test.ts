import { describe, expect, it } from "vitest";
import { formatAddressList, isValidAddress, mailboxesOf, parseAddressField } from "./parse-addresses";

describe("parseAddressField", () => {
  it("reads display names, quoted names with commas, and angle brackets", () => {
    expect(parseAddressField('Bob <bob@example.test>, "Doe, John" <john@x.org>, carol@example.test')).toEqual({
      entries: [
        { name: "Bob", address: "bob@example.test" },
        { name: "Doe, John", address: "john@x.org" },
        { name: "", address: "carol@example.test" },
      ],
      invalid: [],
    });
  });

  it("keeps groups with their members, empty groups too", () => {
    const parsed = parseAddressField("Team: a@x.org, B <b@y.org>;, undisclosed-recipients:;");
    expect(parsed.entries).toEqual([
      { group: "Team", members: [{ name: "", address: "a@x.org" }, { name: "B", address: "b@y.org" }] },
      { group: "undisclosed-recipients", members: [] },
    ]);
    expect(mailboxesOf(parsed.entries).map((a) => a.address)).toEqual(["a@x.org", "b@y.org"]);
  });

  it("accepts semicolons, line breaks and a forgotten comma between addresses", () => {
    expect(mailboxesOf(parseAddressField("a@x.org; b@y.org\nc@z.org d@w.org").entries).map((a) => a.address)).toEqual([
      "a@x.org",
      "b@y.org",
      "c@z.org",
      "d@w.org",
    ]);
  });

  it("accepts internationalized domains and local parts", () => {
    const parsed = parseAddressField("Jörg <jörg@bücher.de>, info@例え.jp");
    expect(parsed.invalid).toEqual([]);
    expect(mailboxesOf(parsed.entries)).toEqual([
      { name: "Jörg", address: "jörg@bücher.de" },
      { name: "", address: "info@例え.jp" },
    ]);
  });

  it("lists what is not an address instead of dropping it", () => {
    const parsed = parseAddressField("bob, carol@, good@example.test, x@-bad-.org, Name <a@b@c>");
    expect(mailboxesOf(parsed.entries)).toEqual([{ name: "", address: "good@example.test" }]);
    expect(parsed.invalid).toEqual(["bob", "carol@", "x@-bad-.org", "Name <a@b@c>"]);
  });

  it("returns nothing for an empty field", () => {
    expect(parseAddressField("  ")).toEqual({ entries: [], invalid: [] });
  });
});

describe("isValidAddress", () => {
  it("needs a local part and a dotted domain", () => {
    expect(isValidAddress("a@example.test")).toBe(true);
    expect(isValidAddress('"odd local"@example.test')).toBe(true);
    expect(isValidAddress("a@[192.0.2.1]")).toBe(true);
    expect(isValidAddress("a@localhost")).toBe(false);
    expect(isValidAddress("@x.org")).toBe(false);
    expect(isValidAddress("a..b@x.org")).toBe(false);
    expect(isValidAddress(`${"a".repeat(65)}@x.org`)).toBe(false);
  });
});

describe("formatAddressList", () => {
  it("quotes names that would break the list and round-trips through the parser", () => {
    const list = [
      { name: "Doe, John", address: "john@x.org" },
      { name: 'Say "hi"', address: "hi@x.org" },
      { name: "", address: "plain@x.org" },
    ];
    const text = formatAddressList(list);
    expect(text).toBe('"Doe, John" <john@x.org>, "Say \\"hi\\"" <hi@x.org>, plain@x.org');
    expect(mailboxesOf(parseAddressField(text).entries)).toEqual(list);
  });
});
