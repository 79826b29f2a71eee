import { describe, expect, it } from "vitest";
import { replyRecipients, type ReplySource } from "./reply-recipients";

const a = (address: string, name = "") => ({ name, address });
const ME = "bob@example.test";

const incoming: ReplySource = {
  from: [a("alice@example.test", "Alice")],
  replyTo: [],
  to: [a("Bob@Example.test", "Bob"), a("dave@example.test")],
  cc: [a("carol@example.test"), a("alice@example.test"), a("bob@example.test")],
};

describe("replyRecipients", () => {
  it("replies to the sender only", () => {
    expect(replyRecipients(incoming, [ME], false)).toEqual({ to: [a("alice@example.test", "Alice")], cc: [] });
  });

  it("prefers Reply-To over From", () => {
    const src = { ...incoming, replyTo: [a("list@example.test")] };
    expect(replyRecipients(src, [ME], false).to).toEqual([a("list@example.test")]);
    expect(replyRecipients(src, [ME], true).to.map((x) => x.address)).toEqual(["list@example.test", "dave@example.test"]);
  });

  it("reply all: sender and To in To, Cc in Cc, without the user (any case) and without duplicates", () => {
    expect(replyRecipients(incoming, [ME], true)).toEqual({
      to: [a("alice@example.test", "Alice"), a("dave@example.test")],
      cc: [a("carol@example.test")],
    });
  });

  it("replying to one's own sent message goes to its recipients", () => {
    const sent: ReplySource = { from: [a(ME)], replyTo: [], to: [a("carol@example.test")], cc: [a("dave@example.test")] };
    expect(replyRecipients(sent, [ME], false)).toEqual({ to: [a("carol@example.test")], cc: [] });
    expect(replyRecipients(sent, [ME], true)).toEqual({ to: [a("carol@example.test")], cc: [a("dave@example.test")] });
  });

  it("a note to oneself is answered to oneself", () => {
    const note: ReplySource = { from: [a(ME)], replyTo: [], to: [a(ME)], cc: [] };
    expect(replyRecipients(note, [ME], true)).toEqual({ to: [a(ME)], cc: [] });
  });

  it("moves Cc into To when nobody else is left in To", () => {
    const src: ReplySource = { from: [a(ME)], replyTo: [], to: [a(ME)], cc: [a("carol@example.test")] };
    expect(replyRecipients(src, [ME], true)).toEqual({ to: [a("carol@example.test")], cc: [] });
  });
});
