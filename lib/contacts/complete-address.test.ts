import { describe, expect, it } from "vitest";
import { applyCompletion, completionQuery, tokenAt } from "./complete-address";

const carol = { name: "Carol Nguyen", address: "carol@example.test" };

describe("tokenAt", () => {
  it("finds the entry around the caret between separators", () => {
    expect(tokenAt("a@x.org, car", 12)).toEqual({ start: 9, end: 12, text: "car" });
    expect(tokenAt("a@x.org; car, b@y.org", 12)).toEqual({ start: 9, end: 12, text: "car" });
  });
  it("keeps a quoted name with a comma as one entry", () => {
    const v = '"Nguyen, Carol" <carol@example.test>, bo';
    expect(tokenAt(v, 10).text).toBe('"Nguyen, Carol" <carol@example.test>');
    expect(tokenAt(v, v.length).text).toBe("bo");
  });
});

describe("completionQuery", () => {
  it("asks from two characters on, and not for a finished entry", () => {
    expect(completionQuery("c", 1)).toBeNull();
    expect(completionQuery("ca", 2)).toBe("ca");
    expect(completionQuery("Carol <carol@example.test>", 26)).toBeNull();
    expect(completionQuery('x@y.org, "Car', 13)).toBe("Car");
  });
});

describe("applyCompletion", () => {
  it("replaces the typed entry, keeps the others, and leaves the caret ready for the next", () => {
    expect(applyCompletion("a@x.org, car", 12, carol)).toEqual({ value: "a@x.org, Carol Nguyen <carol@example.test>, ", caret: 44 });
    const mid = applyCompletion("car, b@y.org", 3, carol);
    expect(mid.value).toBe("Carol Nguyen <carol@example.test>, b@y.org");
    expect(mid.caret).toBe("Carol Nguyen <carol@example.test>, ".length);
  });
  it("quotes a name that needs it", () => {
    expect(applyCompletion("ngu", 3, { name: "Nguyen, Carol", address: "carol@example.test" }).value).toBe('"Nguyen, Carol" <carol@example.test>, ');
  });
});

describe("applyCompletion with a group", () => {
  it("puts each member in as an entry of its own", () => {
    const members = [carol, { name: "", address: "dan@example.test" }];
    expect(applyCompletion("a@x.org, tea", 12, members).value).toBe("a@x.org, Carol Nguyen <carol@example.test>, dan@example.test, ");
  });
});
