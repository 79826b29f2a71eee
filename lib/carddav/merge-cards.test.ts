import { describe, expect, it } from "vitest";
import type { CardFields } from "@/lib/contacts/card-fields";
import { mergeCards, type MergeSide } from "./merge-cards";

const card = (over: Partial<CardFields> = {}, members: string[] = []): MergeSide => ({
  fields: { name: "Carol Nguyen", organization: "Acme", notes: "", emails: [{ address: "carol@work.example", label: "work" }], phones: [], ...over },
  members,
});

describe("mergeCards", () => {
  it("takes each side's edit of different fields", () => {
    const base = card();
    const local = card({ phones: [{ number: "+1 555 0100", label: "cell" }] });
    const remote = card({ organization: "Acme Research" });
    expect(mergeCards(base, local, remote).fields).toEqual({ ...local.fields, organization: "Acme Research" });
  });

  it("keeps addresses added on both sides and drops one removed on one side", () => {
    const base = card({ emails: [{ address: "a@x.example", label: "" }, { address: "b@x.example", label: "" }] });
    const local = card({ emails: [{ address: "a@x.example", label: "" }, { address: "b@x.example", label: "" }, { address: "l@x.example", label: "" }] });
    const remote = card({ emails: [{ address: "a@x.example", label: "" }, { address: "r@x.example", label: "" }] });
    expect(mergeCards(base, local, remote).fields.emails.map((e) => e.address)).toEqual(["a@x.example", "l@x.example", "r@x.example"]);
  });

  it("loses neither side's name or notes when both changed them", () => {
    const merged = mergeCards(card({ notes: "base" }), card({ name: "Carol N.", notes: "local note" }), card({ name: "Caroline Nguyen", notes: "server note" }));
    expect(merged.fields.name).toBe("Carol N.");
    expect(merged.fields.notes).toBe("local note\n\nserver note\nName on the server: Caroline Nguyen");
  });

  it("merges group members as sets, and without a base keeps both sides", () => {
    expect(mergeCards(card({}, ["u1", "u2"]), card({}, ["u1", "u2", "u3"]), card({}, ["u2"])).members).toEqual(["u2", "u3"]);
    expect(mergeCards(null, card({ emails: [] }, ["u1"]), card({ emails: [{ address: "r@x.example", label: "" }] }, ["u2"]))).toMatchObject({
      members: ["u1", "u2"],
      fields: { emails: [{ address: "r@x.example", label: "" }] },
    });
  });
});
