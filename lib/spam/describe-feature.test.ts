import { describe, expect, it } from "vitest";
import { describeFeature, featureParts } from "./describe-feature";

describe("describeFeature", () => {
  it("says where a word was found", () => {
    expect(describeFeature("viagra")).toBe("the word “viagra”");
    expect(describeFeature("Subject*FREE")).toBe("“FREE” in the subject");
    expect(describeFeature("Url*pills")).toBe("“pills” in a link");
    expect(describeFeature("Received*203.0.113.9")).toBe("“203.0.113.9” in the sending server’s name or address");
    expect(describeFeature("X-Mailer*Bulk")).toBe("“Bulk” in the X-Mailer header");
  });

  it("reads word pairs as phrases, with … for a gap", () => {
    expect(describeFeature("click 0 here")).toBe("the words “click here”");
    expect(describeFeature("click 2 now")).toBe("the words “click … now”");
    expect(describeFeature("Subject*FREE 0 Subject*money")).toBe("“FREE money” in the subject");
  });
});

describe("featureParts", () => {
  it("says where the words are, and whether they are a pair", () => {
    expect(featureParts("Subject*FREE")).toEqual({ place: "subject", header: "", words: "FREE", pair: false });
    expect(featureParts("click 1 here")).toEqual({ place: "body", header: "", words: "click … here", pair: true });
    expect(featureParts("X-Mailer*bulk 0 X-Mailer*pro")).toEqual({ place: "header", header: "X-Mailer", words: "bulk pro", pair: true });
  });
});
