import { describe, expect, it } from "vitest";
import { parseLine } from "./managesieve-client";

const line = (s: string) => parseLine(Buffer.from(s, "utf8"));

describe("parseLine", () => {
  it("reads atoms, quoted strings with escapes and response codes", () => {
    const first = 'NO (QUOTA/MAXSIZE) "Too \\"big\\" \\\\ sorry"\r\n';
    expect(line(`${first}rest`)).toEqual({
      tokens: [
        { kind: "atom", value: "NO" },
        { kind: "code", value: "QUOTA/MAXSIZE" },
        { kind: "string", value: 'Too "big" \\ sorry' },
      ],
      used: first.length,
    });
  });

  it("reads a literal, line breaks and UTF-8 included, counted in bytes", () => {
    const script = 'require "fileinto";\r\n# é\r\n';
    const text = `{${Buffer.byteLength(script)}}\r\n${script}\r\nOK\r\n`;
    const parsed = line(text);
    expect(parsed?.tokens).toEqual([{ kind: "string", value: script }]);
    expect(Buffer.from(text).subarray(parsed!.used).toString()).toBe("OK\r\n");
  });

  it("lists scripts with the ACTIVE mark", () => {
    expect(line('"postern-filters" ACTIVE\r\n')?.tokens).toEqual([
      { kind: "string", value: "postern-filters" },
      { kind: "atom", value: "ACTIVE" },
    ]);
  });

  it("waits for the rest of a line, a string or a literal", () => {
    expect(line('OK "half')).toBeNull();
    expect(line("{10}\r\nshort")).toBeNull();
    expect(line("OK")).toBeNull();
  });
});
