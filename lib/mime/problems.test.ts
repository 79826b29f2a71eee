import { describe, expect, it } from "vitest";
import { nameProblem, PROBLEMS } from "./problems";

describe("nameProblem", () => {
  it("names every plain note", () => {
    for (const [key, entry] of Object.entries(PROBLEMS)) if (typeof entry === "string") expect(nameProblem(entry)).toEqual({ key });
  });
  it("recovers the file name of a note that carries one", () => {
    expect(nameProblem(PROBLEMS.corruptAttachment('report "q3".pdf'))).toEqual({ key: "corruptAttachment", filename: 'report "q3".pdf' });
    expect(nameProblem(PROBLEMS.tnefDamaged("winmail.dat"))).toEqual({ key: "tnefDamaged", filename: "winmail.dat" });
  });
  it("leaves other text alone", () => expect(nameProblem("Something else happened.")).toBeNull());
});
