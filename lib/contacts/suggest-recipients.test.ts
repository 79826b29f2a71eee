import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { createCard, setLinks } from "./card-store";
import { recordRecipients } from "./contact-store";
import { suggestRecipients } from "./suggest-recipients";

useTempDatabase("suggest-recipients");

const ME = "bob@example.test";
const fields = (name: string, ...addresses: string[]) => ({ name, organization: "", notes: "", emails: addresses.map((address) => ({ address, label: "" })), phones: [] });

describe("suggestRecipients", () => {
  it("offers book people and collected addresses, most used first, ignoring case beyond ASCII", async () => {
    await createCard(ME, { kind: "individual", fields: fields("Élodie Martin", "elodie@work.example", "elodie@home.example") });
    await recordRecipients(ME, [{ name: "", address: "elodie@home.example" }]);
    await recordRecipients(ME, [{ name: "", address: "elodie@home.example" }, { name: "Eli Collected", address: "eli@example.test" }]);
    expect(await suggestRecipients(ME, "ÉLO")).toEqual([
      { kind: "person", name: "Élodie Martin", address: "elodie@home.example" },
      { kind: "person", name: "Élodie Martin", address: "elodie@work.example" },
    ]);
    expect(await suggestRecipients(ME, "el")).toEqual([
      { kind: "person", name: "Élodie Martin", address: "elodie@home.example" },
      { kind: "person", name: "Eli Collected", address: "eli@example.test" },
      { kind: "person", name: "Élodie Martin", address: "elodie@work.example" },
    ]);
  });

  it("offers a group as its members' addresses", async () => {
    const a = await createCard(ME, { kind: "individual", fields: fields("Ann Weiß", "ann@x.example") });
    const b = await createCard(ME, { kind: "individual", fields: fields("Ben", "ben@x.example", "ben2@x.example") });
    const nobody = await createCard(ME, { kind: "individual", fields: fields("No Address") });
    const g = await createCard(ME, { kind: "group", fields: fields("Team Süd") });
    await setLinks(ME, g, [a, b, nobody]);
    const [team] = await suggestRecipients(ME, "SÜD");
    expect(team.kind).toBe("group");
    expect(team.kind === "group" && team.members.map((m) => m.address).sort()).toEqual(["ann@x.example", "ben@x.example"]);
    expect(await suggestRecipients("alice@example.test", "süd")).toEqual([]);
  });
});
