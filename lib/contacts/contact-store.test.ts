import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { recordRecipients, suggestContacts } from "./contact-store";

// A real SQLite file with the real migrations: matching and ordering happen in the database.
useTempDatabase("contacts");

const ME = "bob@example.test";

describe("contacts", () => {
  it("suggests by the start of the address, the name or a word of the name, most used first, then the most recent", async () => {
    await recordRecipients(ME, [{ name: "Carol Nguyen", address: "Carol@Example.test" }, { name: "", address: "carl@elsewhere.example" }]);
    await recordRecipients(ME, [{ name: "", address: "carl@elsewhere.example" }, { name: "Nina Carter", address: "nina@example.test" }]);
    expect((await suggestContacts(ME, "car")).map((c) => c.address)).toEqual(["carl@elsewhere.example", "nina@example.test", "carol@example.test"]);
    expect(await suggestContacts(ME, "NGU")).toEqual([expect.objectContaining({ name: "Carol Nguyen", address: "carol@example.test", timesUsed: 1 })]);
    expect(await suggestContacts(ME, "zz")).toEqual([]);
  });

  it("keeps the name last typed, never the user's own address, and each account's own list", async () => {
    await recordRecipients(ME, [{ name: "Carol N.", address: "carol@example.test" }, { name: "Me", address: "BOB@example.test" }]);
    await recordRecipients(ME, [{ name: "", address: "carol@example.test" }]);
    expect(await suggestContacts(ME, "carol")).toEqual([expect.objectContaining({ name: "Carol N.", address: "carol@example.test", timesUsed: 3 })]);
    expect(await suggestContacts(ME, "bob")).toEqual([]);
    expect(await suggestContacts("alice@example.test", "car")).toEqual([]);
  });

  it("treats % and _ as themselves", async () => {
    await recordRecipients(ME, [{ name: "", address: "a_b@example.test" }, { name: "", address: "axb@example.test" }]);
    expect((await suggestContacts(ME, "a_")).map((c) => c.address)).toEqual(["a_b@example.test"]);
    expect(await suggestContacts(ME, "%")).toEqual([]);
  });
});
