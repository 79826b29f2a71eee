import { describe, expect, it } from "vitest";
import { readThreadResponse, supportsServerThreads } from "./server-threads";

const atom = (value: string) => ({ type: "ATOM", value });

describe("readThreadResponse", () => {
  it("reads each top-level thread's UIDs, however deeply nested", () => {
    // * THREAD (2)(3 6 (4 23)(44 7 96)) as imapflow's parser hands it over
    const attributes = [[atom("2")], [atom("3"), atom("6"), [atom("4"), atom("23")], [atom("44"), atom("7"), atom("96")]]];
    expect(readThreadResponse(attributes)).toEqual([[2], [3, 6, 4, 23, 44, 7, 96]]);
  });

  it("reads a thread whose root is missing ((1)(13))", () => {
    expect(readThreadResponse([[[atom("1")], [atom("13")]]])).toEqual([[1, 13]]);
  });

  it("gives nothing for an empty folder", () => {
    expect(readThreadResponse([])).toEqual([]);
  });
});

describe("supportsServerThreads", () => {
  it("looks for THREAD=REFERENCES", () => {
    expect(supportsServerThreads({ capabilities: new Map([["THREAD=REFERENCES", true]]) })).toBe(true);
    expect(supportsServerThreads({ capabilities: new Map([["THREAD=ORDEREDSUBJECT", true]]) })).toBe(false);
  });
});
