import { describe, expect, it } from "vitest";
import { notSentNotice } from "./not-sent-notice";

describe("notSentNotice", () => {
  it("puts the reason after the sentence, without repeating 'not sent'", () => {
    expect(notSentNotice("The message was not sent: the outgoing mail server cannot take it right now (a temporary failure). Please try again later.")).toBe(
      "Not sent — saved in Drafts: the outgoing mail server cannot take it right now (a temporary failure). Please try again later.",
    );
    expect(notSentNotice("The message was not sent. The mail server refused x@example.test: unknown user (550).")).toBe(
      "Not sent — saved in Drafts: the mail server refused x@example.test: unknown user (550).",
    );
  });

  it("says where the message is when there is no reason, or no draft", () => {
    expect(notSentNotice(null)).toBe("Not sent — saved in Drafts.");
    expect(notSentNotice("Postern cannot be reached.", false)).toBe("Not sent: Postern cannot be reached. Your message is still here.");
  });
});
