import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { createCard, deleteCard, getCard, getPhoto, listCards, setLinks, setPhoto, updateCard } from "./card-store";
import type { CardFields } from "./card-fields";

useTempDatabase("card-store");

const ME = "bob@example.test";
const person = (name: string, ...addresses: string[]): CardFields => ({
  name,
  organization: "",
  notes: "",
  emails: addresses.map((address) => ({ address, label: "" })),
  phones: [],
});

describe("address book cards", () => {
  it("keeps several addresses, phones, organisation and notes, and finds a card by any word ignoring case beyond ASCII", async () => {
    const id = await createCard(ME, {
      kind: "individual",
      fields: { ...person("Émile Öztürk", "emile@work.example", "emile@home.example"), organization: "Straße AG", notes: "met at FOSDEM", phones: [{ number: "+33 1 23 45 67 89", label: "mobile" }] },
    });
    const card = await getCard(ME, id);
    expect(card).toMatchObject({ name: "Émile Öztürk", organization: "Straße AG", notes: "met at FOSDEM", kind: "individual", hasPhoto: false });
    expect(card?.emails.map((e) => e.address)).toEqual(["emile@work.example", "emile@home.example"]);
    for (const q of ["ÉMILE", "öZT", "STRASSE", "emile@home", "+33"]) expect((await listCards(ME, { query: q })).map((c) => c.id), q).toEqual([id]);
    expect(await listCards(ME, { query: "mile" })).toEqual([]); // start of a word only
    expect((await listCards(ME, { query: "ÖZTÜRK ém" })).map((c) => c.id)).toEqual([id]); // each word, in any order
    expect(await listCards(ME, { query: "öztürk zola" })).toEqual([]);
    expect(await listCards("alice@example.test")).toEqual([]);
  });

  it("takes % and _ in a search literally", async () => {
    await createCard(ME, { kind: "individual", fields: person("under_score", "u@x.example") });
    expect((await listCards(ME, { query: "under_" })).map((c) => c.name)).toEqual(["under_score"]);
    expect(await listCards(ME, { query: "%" })).toEqual([]);
  });

  it("links people and groups from either side, and forgets the links of a deleted card", async () => {
    const a = await createCard(ME, { kind: "individual", fields: person("Ann", "ann@x.example") });
    const b = await createCard(ME, { kind: "individual", fields: person("Ben", "ben@x.example") });
    const group = await createCard(ME, { kind: "group", fields: person("Climbing club") });
    await setLinks(ME, group, [a, b, group]);
    expect((await getCard(ME, group))?.links.sort()).toEqual([a, b].sort());
    await setLinks(ME, b, []);
    expect((await getCard(ME, group))?.links).toEqual([a]);
    await deleteCard(ME, a);
    expect((await getCard(ME, group))?.links).toEqual([]);
    expect(await getCard(ME, a)).toBeNull();
  });

  it("updates a card's fields and its search column", async () => {
    const id = await createCard(ME, { kind: "individual", fields: person("Old Name", "o@x.example") });
    await updateCard(ME, id, person("Zoë New", "z@x.example"));
    expect((await listCards(ME, { query: "ZOË" })).map((c) => c.id)).toEqual([id]);
    expect(await listCards(ME, { query: "old" })).toEqual([]);
    await expect(updateCard("alice@example.test", id, person("x"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a photo with its sniffed type, per account", async () => {
    const id = await createCard(ME, { kind: "individual", fields: person("Pic", "p@x.example") });
    await setPhoto(ME, id, { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]), type: "image/jpeg" });
    expect(await getPhoto(ME, id)).toEqual({ bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]), type: "image/jpeg" });
    expect(await getPhoto("alice@example.test", id)).toBeNull();
    expect((await getCard(ME, id))?.hasPhoto).toBe(true);
    await setPhoto(ME, id, null);
    expect(await getPhoto(ME, id)).toBeNull();
  });
});
