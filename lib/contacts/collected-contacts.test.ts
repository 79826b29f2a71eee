import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { getCard } from "./card-store";
import { listCollected, promoteCollected } from "./collected-contacts";
import { recordRecipients } from "./contact-store";

useTempDatabase("collected-contacts");

const ME = "bob@example.test";

describe("collected addresses", () => {
  it("lists the addresses written to that no card holds, and promotes one in one step with its name", async () => {
    await recordRecipients(ME, [{ name: "Carol Nguyen", address: "carol@example.test" }, { name: "", address: "dan@example.test" }]);
    expect((await listCollected(ME)).map((c) => c.address).sort()).toEqual(["carol@example.test", "dan@example.test"]);
    const id = await promoteCollected(ME, "Carol@Example.test");
    expect(await getCard(ME, id)).toMatchObject({ name: "Carol Nguyen", emails: [{ address: "carol@example.test", label: "" }] });
    expect((await listCollected(ME)).map((c) => c.address)).toEqual(["dan@example.test"]);
    expect(await promoteCollected(ME, "carol@example.test")).toBe(id); // no second card
    await expect(promoteCollected(ME, "never@example.test")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("searches collected names ignoring case beyond ASCII", async () => {
    await recordRecipients(ME, [{ name: "Ólafur Arnalds", address: "oa@example.test" }]);
    expect((await listCollected(ME, { query: "óLAF" })).map((c) => c.address)).toEqual(["oa@example.test"]);
    expect((await listCollected(ME, { query: "ÓLAF" })).map((c) => c.address)).toEqual(["oa@example.test"]);
  });
});
