import { describe, expect, it } from "vitest";
import { unflowText } from "@/lib/mime/unflow-text";

describe("unflowText", () => {
  it("joins soft-broken lines of the same quote depth and keeps fixed ones", () => {
    expect(unflowText("one \ntwo\n> q1 \n> q2\n>> deeper\nplain", { delSp: false })).toBe("one two\n> q1 q2\n>> deeper\nplain");
  });

  it("drops the space before a soft break with delsp=yes, and one stuffed space", () => {
    expect(unflowText("wrap \nped\n From here", { delSp: true })).toBe("wrapped\nFrom here");
  });

  it("never joins a signature separator", () => {
    expect(unflowText("text\n-- \nJane", { delSp: false })).toBe("text\n-- \nJane");
  });

  it("does not join across a change of quote depth", () => {
    expect(unflowText("> quoted \nnot quoted", { delSp: false })).toBe("> quoted \nnot quoted");
  });
});
