import { describe, expect, it } from "vitest";
import { decodeWords } from "./decode-words";
import { readMessageIds, readThreadHeaders } from "./read-thread-headers";

const block = (s: string) => Buffer.from(s.replace(/\n/g, "\r\n"), "utf8");

describe("readThreadHeaders", () => {
  it("reads the fields threading needs from a fetched header block", () => {
    const h = readThreadHeaders(
      block(
        "Message-ID: <offsite-3@example.test>\nIn-Reply-To: <offsite-2@example.test>\n" +
          "References: <offsite-1@example.test>\n <offsite-2@example.test>\nSubject: Re: Offsite planning\n" +
          "Date: Mon, 23 Nov 2026 10:00:00 +0100\n\n",
      ),
    );
    expect(h).toEqual({
      messageId: "offsite-3@example.test",
      references: ["offsite-1@example.test", "offsite-2@example.test"],
      inReplyTo: "offsite-2@example.test",
      subject: "Re: Offsite planning",
      date: Date.UTC(2026, 10, 23, 9),
    });
  });

  it("is case-insensitive on field names and keeps the first of a repeated field", () => {
    const h = readThreadHeaders(block("SUBJECT: first\nsubject: second\nmessage-id: <a@b>\n"));
    expect(h.subject).toBe("first");
    expect(h.messageId).toBe("a@b");
  });

  it("copes with missing and broken fields", () => {
    expect(readThreadHeaders(block("Date: not a date\n"))).toEqual({ messageId: null, references: [], inReplyTo: null, subject: "", date: null });
  });

  it("takes only the Message-ID out of a chatty In-Reply-To", () => {
    expect(readThreadHeaders(block('In-Reply-To: <x@y> (Bob\'s message of "Monday")\n')).inReplyTo).toBe("x@y");
  });

  it("decodes encoded and raw UTF-8 subjects", () => {
    expect(readThreadHeaders(block("Subject: =?UTF-8?B?R3LDvMOfZQ==?= =?ISO-8859-1?Q?_aus_M=FCnchen?=\n")).subject).toBe("Grüße aus München");
    expect(readThreadHeaders(block("Subject: Re: Grüße\n")).subject).toBe("Re: Grüße");
  });
});

describe("readMessageIds", () => {
  it("lists bracketed ids, or one bare token", () => {
    expect(readMessageIds("<a@x> <b@x>\t<c@x>")).toEqual(["a@x", "b@x", "c@x"]);
    expect(readMessageIds("bare@x")).toEqual(["bare@x"]);
    expect(readMessageIds("two words")).toEqual([]);
    expect(readMessageIds(undefined)).toEqual([]);
  });
});

describe("decodeWords", () => {
  it("decodes Q and B words, joins adjacent words, and leaves plain text alone", () => {
    expect(decodeWords("=?utf-8?Q?Caf=C3=A9_menu?=")).toBe("Café menu");
    expect(decodeWords("Re: =?windows-874?B?ocPJ?=")).toBe("Re: กรษ");
    expect(decodeWords("plain =? not a word")).toBe("plain =? not a word");
  });
});
