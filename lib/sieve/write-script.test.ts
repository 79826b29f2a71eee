import { describe, expect, it } from "vitest";
import { NO_FILTERS, NO_VACATION, type Filters } from "./filter-rules";
import { readScript } from "./read-script";
import { sieveString, writeScript } from "./write-script";

const filters: Filters = {
  rules: [
    {
      name: "Newsletters",
      enabled: true,
      match: "any",
      conditions: [
        { field: "from", op: "contains", value: "news@" },
        { field: "header", header: "List-Id", op: "matches", value: "*announce*" },
      ],
      actions: [{ type: "move", folder: "Lists/News" }, { type: "mark-read" }, { type: "stop" }],
    },
    {
      name: "Big",
      enabled: true,
      match: "all",
      conditions: [{ field: "size", op: "over", value: "500" }],
      actions: [{ type: "flag" }],
    },
    { name: "Old", enabled: false, match: "all", conditions: [{ field: "subject", op: "is", value: "x" }], actions: [{ type: "discard" }] },
  ],
  vacation: { enabled: true, subject: "Away", body: 'Back on "Monday".\nBye', start: "2026-11-01", end: "2026-11-30", days: 3 },
};

describe("writeScript", () => {
  it("writes a readable script: vacation first, flags before fileinto, disabled rules as comments", () => {
    const script = writeScript(filters);
    expect(script).toContain('require ["fileinto", "imap4flags", "vacation", "date", "relational"];');
    expect(script).toContain(
      'if allof (currentdate :value "ge" "date" "2026-11-01", currentdate :value "le" "date" "2026-11-30") {\r\n  vacation :days 3 :subject "Away" "Back on \\"Monday\\".\nBye";',
    );
    expect(script).toContain(
      '# Rule 1: Newsletters\r\nif anyof (header :contains "from" "news@",\n    header :matches "List-Id" "*announce*") {\r\n  addflag "\\\\Seen";\r\n  fileinto "Lists/News";\r\n  stop;\r\n}',
    );
    expect(script).toContain('if size :over 500K {\r\n  addflag "\\\\Flagged";\r\n}');
    expect(script).toContain("# Rule 3: Old (disabled)");
    expect(script).not.toContain("discard");
    expect(script.indexOf("vacation :days")).toBeLessThan(script.indexOf("# Rule 1"));
  });

  it("compares addresses for is/matches on From and To/Cc", () => {
    const script = writeScript({
      ...NO_FILTERS,
      rules: [{ name: "", enabled: true, match: "all", conditions: [{ field: "to-cc", op: "is", value: "team@x.test" }], actions: [{ type: "redirect", to: "me@y.test" }] }],
    });
    expect(script).toContain('if address :is ["to", "cc"] "team@x.test" {\r\n  redirect "me@y.test";\r\n}');
    expect(script).not.toContain("require");
  });

  it("keeps a rule name with a line break inside its comment", () => {
    const script = writeScript({ ...NO_FILTERS, rules: [{ ...filters.rules[1], name: "a\nfileinto \"x\";" }] });
    expect(script).toContain('# Rule 1: a fileinto "x";\r\n');
  });

  it("reads back exactly what it wrote, and nothing from a hand-written script", () => {
    expect(readScript(writeScript(filters))).toEqual(filters);
    expect(readScript(writeScript({ rules: [], vacation: NO_VACATION }))).toEqual(NO_FILTERS);
    expect(readScript('require "fileinto";\nfileinto "Junk";\n')).toBeNull();
    expect(readScript("# postern-filters: not-base64-json\n")).toBeNull();
  });

  it("lets the vacation reply answer for the user's other addresses", () => {
    const script = writeScript({ rules: [], vacation: { ...filters.vacation, start: null, end: null } }, { addresses: ["a@x.test", "b@y.test"] });
    expect(script).toContain('vacation :days 3 :subject "Away" :addresses ["a@x.test", "b@y.test"] "Back on');
    expect(script).toContain('require ["vacation"];');
  });

  it("escapes quotes and backslashes in strings", () => {
    expect(sieveString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
});
