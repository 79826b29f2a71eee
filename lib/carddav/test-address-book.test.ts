import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/tests/fixtures/temp-database";
import { MAX_CARDDAV_TESTS, testAddressBook } from "./test-address-book";

useTempDatabase("carddav-tests");

describe("testAddressBook", () => {
  it("refuses an internal address, and after too many tries refuses to try at all", async () => {
    const conn = { url: "http://10.0.0.1/dav/", username: "u", password: "p" };
    for (let i = 0; i < MAX_CARDDAV_TESTS; i++) await expect(testAddressBook("scanner@example.test", conn)).rejects.toMatchObject({ code: "HOST_REFUSED" });
    await expect(testAddressBook("scanner@example.test", conn)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(testAddressBook("someone-else@example.test", conn)).rejects.toMatchObject({ code: "HOST_REFUSED" });
  });
});
