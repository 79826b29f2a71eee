import { describe, expect, it } from "vitest";
import { trustedImageSender } from "./reading-settings";

describe("trustedImageSender", () => {
  const trusted = ["news@shop.example"];
  it("is the sender when the one From address is on the list, whatever its case", () => {
    expect(trustedImageSender([{ name: "Shop", address: "News@Shop.example" }], trusted)).toBe("news@shop.example");
  });
  it("is nobody for other senders, several From addresses, or none", () => {
    expect(trustedImageSender([{ name: "", address: "other@shop.example" }], trusted)).toBeNull();
    expect(trustedImageSender([{ name: "", address: "news@shop.example" }, { name: "", address: "x@y.example" }], trusted)).toBeNull();
    expect(trustedImageSender([], trusted)).toBeNull();
  });
  it("is nobody when the display name claims another domain than the address", () => {
    expect(trustedImageSender([{ name: "paypal.com Support", address: "news@shop.example" }], trusted)).toBeNull();
  });
});
