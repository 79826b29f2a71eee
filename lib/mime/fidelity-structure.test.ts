import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, files, viewFixture, visibleText } from "@/tests/fixtures/mime/view-fixture";
import { extractMember } from "@/lib/mime/derived-member";
import { buildMessageView } from "@/lib/mime/message-view";
import { parseMessage } from "@/lib/mime/parse-message";
import { PROBLEMS } from "@/lib/mime/problems";
import { readSignedMember } from "@/lib/mime/read-signed-member";

// Issue 10, structure: attached messages, alternatives, files that are not MIME parts, text
// formats, calendars, reports, signatures, damage. Read as the user sees them, through the view.

describe("attached and nested messages", () => {
  it("shows an attached message/rfc822 as a readable message with its own attachments", async () => {
    const view = await viewFixture("forwarded-rfc822.eml");
    expect(view.subject).toBe("Fwd: Budget 2026");
    expect(view.from[0]).toEqual({ name: "Bob", address: "bob@example.test" });
    expect(visibleText(view)).toBe("See the message from Alice below.");
    expect(files(view)).toEqual([["Budget 2026.eml", "message/rfc822", 760]]);
    expect(view.attachedMessages).toHaveLength(1);
    const [attached] = view.attachedMessages;
    expect(attached).toMatchObject({ partId: "2", filename: "Budget 2026.eml", size: 760 });
    expect(attached.view.subject).toBe("Budget 2026");
    expect(attached.view.from).toEqual([{ name: "Alice Example", address: "alice@example.test" }]);
    expect(attached.view.date).toBe("2025-07-04T16:45:00.000Z");
    expect(visibleText(attached.view)).toBe("The draft budget for 2026 is attached. Please review by Friday.");
    expect(attached.view.attachments).toEqual([
      { partId: "2.2", filename: "budget-2026.pdf", contentType: "application/pdf", size: 20, disposition: "attachment" },
    ]);
  });

  it("shows an inline message/rfc822 in the reading flow, not in the files and not merged into the body", async () => {
    const view = await viewFixture("inline-rfc822.eml");
    expect(view.subject).toBe("Inline message");
    expect(view.from[0]).toEqual({ name: "Alice Example", address: "alice@example.com" });
    expect(visibleText(view)).toBe("Forwarding the message below.");
    expect(files(view)).toEqual([]);
    expect(view.attachedMessages).toHaveLength(1);
    const [inline] = view.attachedMessages;
    expect(inline).toMatchObject({ partId: "2", filename: "Original message.eml", size: 517, inline: true });
    expect(inline.view.subject).toBe("Original message");
    expect(inline.view.from).toEqual([{ name: "Carol", address: "carol@example.net" }]);
    expect(visibleText(inline.view)).toBe("Original text");
    expect(files(inline.view)).toEqual([["chart.png", "image/png", 69]]);
    expect(view.flow?.map((item) => item.kind)).toEqual(["text", "message"]);
    expect(inline.view.attachments[0].partId).toBe("2.2");
  });

  it("keeps inline and attached messages in document order, listing only the attached one as a file", async () => {
    const view = await viewFixture("inline-and-attached-rfc822.eml");
    expect(view.subject).toBe("Two forwards and a file");
    expect(view.from[0].address).toBe("bob@example.test");
    expect(visibleText(view)).toBe("Both messages below, and the old one attached.\nTalk soon, Bob");
    // read in the sender's order: text, the two inline messages, the closing text
    expect(view.flow?.map((item) => (item.kind === "text" ? item.segments.map((s) => s.value).join("") : `[message ${item.partId}]`))).toEqual([
      "Both messages below, and the old one attached.",
      "[message 2]",
      "[message 4]",
      "Talk soon, Bob",
    ]);
    expect(files(view)).toEqual([["old.eml", "message/rfc822", 193]]);
    expect(view.attachedMessages.map((m) => [m.partId, m.inline, m.view.subject, m.view.from[0].name, visibleText(m.view)])).toEqual([
      ["2", true, "First question", "Dana", "Can we meet on Friday?"],
      ["3", false, "Old thread", "Erik", "From last week."],
      ["4", true, "Second question", "Frida", "Friday works, agenda attached."],
    ]);
    expect(files(view.attachedMessages[2].view)).toEqual([["agenda.txt", "text/plain", 9]]);
    expect(view.attachedMessages[2].view.attachments[0].partId).toBe("4.2");
  });

  it("shows a message that is itself message/rfc822 as the message inside, in place", async () => {
    const view = await viewFixture("toplevel-rfc822-single.eml");
    expect(view.subject).toBe("top rfc822 single");
    expect(files(view)).toEqual([]);
    expect(view.attachedMessages.map((m) => [m.partId, m.inline, m.view.subject, files(m.view)])).toEqual([
      ["1", true, "inner", [["a.pdf", "application/pdf", 14]]],
    ]);
  });

  it("reads the entries of a multipart/digest as attached messages", async () => {
    const view = await viewFixture("digest.eml");
    expect(view.subject).toBe("postern-users Digest, Vol 3, Issue 7");
    expect(view.from[0].address).toBe("users-request@example.test");
    expect(visibleText(view)).toBe("Today's topics: 1. Dark mode  2. Re: Dark mode");
    expect(files(view)).toEqual([
      ["Dark mode.eml", "message/rfc822", 148],
      ["Re Dark mode.eml", "message/rfc822", 236],
    ]);
    expect(view.attachedMessages.map((m) => [m.partId, m.view.subject, m.view.from[0].name, visibleText(m.view)])).toEqual([
      ["2.1", "Dark mode", "Dana", "Is a dark theme planned?"],
      ["2.2", "Re: Dark mode", "Erik", "Yes, after the next release. Grüße"],
    ]);
  });
});

describe("alternatives and text formats", () => {
  it("picks the HTML alternative by default and the plain one for plain-text readers, listing neither", async () => {
    const html = await viewFixture("alternative-three.eml");
    expect(html.subject).toBe("Three ways to read this");
    expect(html.from[0].address).toBe("news@example.test");
    expect(html.body.kind).toBe("html");
    expect(visibleText(html)).toBe("HTML: the best part for everyone else.");
    expect(html.attachments).toEqual([]);
    const plain = await viewFixture("alternative-three.eml", { preferPlainText: true });
    expect(visibleText(plain)).toBe("Plain: the best part for plain-text readers.");
  });

  it("shows a cid image inside the HTML instead of listing it", async () => {
    const view = await viewFixture("related-in-alternative.eml");
    expect(view.body.kind === "html" && view.body.frameDocument).toContain('src="data:image/png;base64,');
    expect(files(view)).toEqual([
      ["vector.svg", "image/svg+xml", 79],
      ["terms.pdf", "application/pdf", 77],
    ]);
  });

  it("re-flows format=flowed text, honouring delsp and quote depth", async () => {
    const view = await viewFixture("format-flowed.eml");
    expect(view.subject).toBe("Flowed text");
    expect(view.from[0].address).toBe("tb@example.test");
    expect(visibleText(view).split("\n")).toEqual([
      "This paragraph was written as one long line and wrapped by the sender's mail program at seventy-two characters, with a trailing space marking each soft break.",
      "> A quoted paragraph that was also wrapped by the sender.",
      "-- ",
      "Signature line",
    ]);
  });

  it("shows text/enriched as plain text", async () => {
    const view = await viewFixture("text-enriched.eml");
    expect(view.subject).toBe("Enriched text");
    expect(view.from[0].address).toBe("old@example.test");
    expect(visibleText(view).trim()).toBe("Important: the meeting moved to room 4. Same time.\nUse <angle brackets> freely.");
    expect(view.attachments).toEqual([]);
  });
});

describe("files that are not MIME parts", () => {
  it("unpacks a winmail.dat (TNEF) into its files, addressed inside their part", async () => {
    const view = await viewFixture("tnef-winmail.eml");
    expect(view.subject).toBe("Quarterly report (Outlook rich text)");
    expect(view.from[0]).toEqual({ name: "Outlook User", address: "outlook.user@example.test" });
    expect(visibleText(view)).toBe("Hi Carol, the report and my notes are attached.\n");
    expect(view.attachments.map((a) => [a.partId, a.member, a.filename, a.contentType, a.size])).toEqual([
      ["2", "tnef:1", "Quarterly report Q2 – final.pdf", "application/pdf", 100],
      ["2", "tnef:2", "Meeting notes.txt", "text/plain", 70],
    ]);
  });

  it("shows the HTML a winmail.dat keeps as compressed RTF (\\fromhtml1) when the message has no other body", async () => {
    const view = await viewFixture("tnef-rtf-html.eml");
    expect(view.subject).toBe("Zahlen Q2 (Outlook RTF)");
    expect(view.from[0]).toEqual({ name: "Outlook User", address: "outlook.user@example.test" });
    expect(view.body.kind).toBe("html");
    expect(visibleText(view)).toBe("Hallo Carol,die Zahlen für Köln sind im Anhang.Bericht Q2");
    // sanitized like any HTML body: the script Outlook wrapped is gone, the link kept
    const frame = view.body.kind === "html" ? view.body.frameDocument : "";
    expect(frame).not.toContain("alert(1)");
    expect(frame).toContain('<a href="https://example.test/q2"');
    expect(view.attachments.map((a) => [a.partId, a.member, a.filename, a.contentType, a.size])).toEqual([
      ["1", "tnef:1", "Agenda Köln.txt", "text/plain", 20],
    ]);
    expect(view.problems).toEqual([]);
  });

  it("shows the text of a winmail.dat whose compressed RTF is RTF of its own, and no winmail.dat file", async () => {
    const view = await viewFixture("tnef-rtf-plain.eml");
    expect(view.subject).toBe("Meeting moved (Outlook RTF)");
    expect(view.from[0].address).toBe("outlook.user@example.test");
    expect(visibleText(view)).toBe("Hello Carol,\n\nThe meeting moved to Thursday, room 4.12.\nCosts: 120 € per person.");
    expect(files(view)).toEqual([]);
  });

  it("takes uuencoded files out of the text and lists them", async () => {
    const view = await viewFixture("uuencode-in-text.eml");
    expect(view.subject).toBe("Files the old way");
    expect(view.from[0].address).toBe("olduser@example.test");
    expect(visibleText(view)).toBe("Here are the two files you asked for.\n\nAnd the text:\n\nCheers\n");
    expect(view.attachments.map((a) => [a.partId, a.member, a.filename, a.contentType, a.size])).toEqual([
      ["1", "uue:1", "dot.png", "image/png", 69],
      ["1", "uue:2", "notes.txt", "text/plain", 90],
    ]);
  });

  it("takes a uuencoded file out of format=flowed text before unwrapping it (lines ending in spaces are data)", async () => {
    const view = await viewFixture("uuencode-in-flowed.eml");
    expect(view.subject).toBe("Records, flowed");
    expect(view.from[0]).toEqual({ name: "Mixed Mailer", address: "mixed@example.test" });
    expect(visibleText(view)).toBe(
      "The records file is below. This sentence was wrapped by the mail program into two lines.\n\nAfter the file, one more wrapped paragraph.",
    );
    expect(view.attachments.map((a) => [a.partId, a.member, a.filename, a.contentType, a.size])).toEqual([
      ["1", "uue:1", "records.bin", "application/octet-stream", 141],
    ]);
    // the download route reads the same member from the part's raw bytes
    const raw = fs.readFileSync(path.join(FIXTURES, "uuencode-in-flowed.eml"), "latin1").split("\r\n\r\n").slice(1).join("\r\n\r\n");
    const file = extractMember(Buffer.from(raw, "latin1"), { kind: "uue", index: 1 });
    expect(file?.data).toEqual(Buffer.concat([Buffer.from(`record-${"x".repeat(35)}\0\0\0`.repeat(3)), Buffer.from("tail\0\0")]));
  });
});

describe("invitations and reports", () => {
  it("reads a calendar invitation: summary, time as an instant, location, organizer, .ics to download", async () => {
    const view = await viewFixture("calendar-invite.eml");
    expect(view.subject).toBe("Einladung: Quartalsplanung Q3");
    expect(view.from[0].address).toBe("anna@example.test");
    expect(visibleText(view)).toBe("Quartalsplanung Q3, Dienstag 15. Juli 14:00–15:30, Raum 4.12.");
    expect(view.calendar).toEqual([
      {
        partId: "3",
        method: "REQUEST",
        summary: "Quartalsplanung Q3",
        // 14:00-15:30 Berlin summer time (the message's own VTIMEZONE, a Windows zone name)
        start: "2025-07-15T12:00:00.000Z",
        end: "2025-07-15T13:30:00.000Z",
        allDay: false,
        location: "Raum 4.12, Berlin",
        organizer: { name: "Anna Schmidt", address: "anna@example.test" },
        recurring: false,
      },
    ]);
    expect(files(view)).toEqual([["invite.ics", "text/calendar", 889]]);
  });

  it("summarizes a delivery status notification and shows the returned message", async () => {
    const view = await viewFixture("dsn-failed.eml");
    expect(view.subject).toBe("Undelivered Mail Returned to Sender");
    expect(view.from[0].address).toBe("MAILER-DAEMON@mx.example.test");
    expect(visibleText(view)).toContain("your message could not\nbe delivered");
    expect(view.report).toMatchObject({
      kind: "delivery-status",
      reportingMta: "mx.example.test",
      recipients: [
        {
          recipient: "nobody@elsewhere.test",
          action: "failed",
          status: "5.1.1",
          statusText: "Failed: the mailbox does not exist",
          diagnostic: "550 5.1.1 <nobody@elsewhere.test>: Recipient address rejected: User unknown in virtual mailbox table",
          remoteMta: "mx.elsewhere.test",
        },
      ],
      original: { subject: "Lunch on Friday?", to: [{ name: "", address: "nobody@elsewhere.test" }], messageId: "<lunch@example.test>" },
    });
    expect(files(view)).toEqual([["Lunch on Friday.eml", "message/rfc822", 195]]);
    expect(visibleText(view.attachedMessages[0].view)).toBe("Shall we have lunch on Friday?\n");
  });

  it("summarizes a read receipt (MDN) with the original's headers", async () => {
    const view = await viewFixture("mdn-displayed.eml");
    expect(view.subject).toBe("Read: Contract draft");
    expect(view.from[0].address).toBe("dave@example.test");
    expect(visibleText(view)).toBe("Your message was displayed on Mon, 07 Jul 2025 13:00:00 +0000.");
    expect(view.report).toMatchObject({
      kind: "disposition-notification",
      disposition: "displayed",
      recipients: [{ recipient: "dave@example.test" }],
      original: { subject: "Contract draft", messageId: "<contract@example.test>" },
    });
    expect(view.attachments).toEqual([]);
  });
});

describe("signed and encrypted messages", () => {
  it("shows the content of an S/MIME signed message with a signed marker, hiding the signature file", async () => {
    const view = await viewFixture("smime-signed.eml");
    expect(view.subject).toBe("Signed with S/MIME");
    expect(view.from[0].address).toBe("signer@example.test");
    expect(visibleText(view)).toBe("This text is signed.");
    expect(view.security).toEqual([{ kind: "signed", scheme: "smime", partId: "2" }]);
    expect(view.attachments).toEqual([]);
  });

  it("opens an S/MIME signed-data message (opaque signing) and shows what is inside, with the signer", async () => {
    for (const [name, subject] of [
      ["smime-opaque-signed.eml", "Vertrag (S/MIME, opaque)"],
      // BER with indefinite lengths and a constructed OCTET STRING, the old x-pkcs7-mime name
      ["smime-opaque-signed-x.eml", "Vertrag (S/MIME, x-pkcs7-mime)"],
    ]) {
      const view = await viewFixture(name);
      expect(view.subject).toBe(subject);
      expect(view.from[0]).toEqual({ name: "Sophie Signer", address: "sophie.signer@example.test" });
      expect(visibleText(view)).toBe("Hallo Carol,\n\nder unterschriebene Vertrag für Köln kommt morgen per Post.\n\nSophie");
      expect(view.attachments.map((a) => [a.partId, a.member, a.filename, a.contentType, a.size])).toEqual([
        ["1", "p7m:1", "checklist.txt", "text/plain", 54],
      ]);
      expect(view.security).toEqual([
        {
          kind: "signed",
          scheme: "smime",
          partId: "1",
          signer: { subject: "CN=Sophie Signer, O=Postern Test, E=sophie.signer@example.test", email: "sophie.signer@example.test" },
        },
      ]);
      expect(view.problems).toEqual([]);
      // the download route takes the file out of the part's bytes the same way
      const part = Buffer.from(fs.readFileSync(path.join(FIXTURES, name), "latin1").split("\r\n\r\n")[1], "base64");
      const file = await readSignedMember(part, 1);
      expect(file && [file.name, file.contentType, file.data.toString("utf8")]).toEqual([
        "checklist.txt",
        "text/plain",
        "1. Vertrag lesen\n2. Unterschreiben\n3. Zurückschicken\n",
      ]);
      expect(await readSignedMember(part, 2)).toBeNull();
    }
  });

  it("still says what it can of a signed-data part it cannot open", async () => {
    const raw = fs.readFileSync(path.join(FIXTURES, "smime-opaque-signed.eml"), "latin1");
    const damaged = raw.replace(/\r\n\r\nMII[A-Za-z0-9+/]{20}/, "\r\n\r\nAAAAAAAAAAAAAAAAAAAAAAAA");
    const view = buildMessageView(await parseMessage(Buffer.from(damaged, "latin1")), { allowRemoteContent: false });
    expect(view.security.map((m) => [m.kind, m.scheme, m.signer])).toEqual([["signed", "smime", undefined]]);
    expect(view.problems).toEqual([PROBLEMS.opaqueSigned]);
  });

  it("shows the content and attachments of a PGP/MIME signed message", async () => {
    const view = await viewFixture("pgp-signed.eml");
    expect(view.subject).toBe("Signed with OpenPGP");
    expect(view.from[0].address).toBe("pgp@example.test");
    expect(visibleText(view)).toBe("This text is signed with OpenPGP.");
    expect(view.security).toEqual([{ kind: "signed", scheme: "pgp", partId: "2" }]);
    expect(files(view)).toEqual([["data.csv", "text/plain", 8]]);
  });

  it("says a PGP/MIME or S/MIME message is encrypted instead of showing ciphertext", async () => {
    const pgp = await viewFixture("pgp-encrypted.eml");
    expect(pgp.subject).toBe("Encrypted with OpenPGP");
    expect(pgp.from[0].address).toBe("pgp@example.test");
    expect(pgp.body).toEqual({ kind: "empty" });
    expect(pgp.security).toEqual([{ kind: "encrypted", scheme: "pgp", partId: "2" }]);
    expect(files(pgp)).toEqual([["encrypted.asc", "application/octet-stream", 131]]);
    const smime = await viewFixture("smime-encrypted.eml");
    expect(smime.subject).toBe("Encrypted with S/MIME");
    expect(smime.from[0].address).toBe("signer@example.test");
    expect(smime.body).toEqual({ kind: "empty" });
    expect(smime.security).toEqual([{ kind: "encrypted", scheme: "smime", partId: "1" }]);
    expect(files(smime)).toEqual([["smime.p7m", "application/pkcs7-mime", 200]]);
  });
});

describe("damaged structure", () => {
  it("finds the boundary a multipart really uses when the declared one is wrong, and says so", async () => {
    const view = await viewFixture("wrong-boundary.eml");
    expect(view.subject).toBe("Wrong boundary");
    expect(view.from[0].address).toBe("broken@example.test");
    // the part's text alone: no boundary lines, no part headers
    expect(visibleText(view).trim()).toBe("The text is still here.");
    expect(view.problems).toEqual(["The message declares a wrong boundary between its parts; Postern found the one it really uses."]);
  });

  it("still shows the raw content, and says so, when no other boundary can be found", async () => {
    const raw = Buffer.from('From: a@example.test\r\nSubject: lost\r\nContent-Type: multipart/mixed; boundary="declared"\r\n\r\n--open-only\r\nContent-Type: text/plain\r\n\r\nStill here.\r\n');
    const view = buildMessageView(await parseMessage(raw), { allowRemoteContent: false });
    expect(visibleText(view)).toContain("Still here.");
    expect(view.problems).toContain("The parts of this message could not be found (its boundary is wrong); its raw content is shown as text.");
  });

  it("keeps a part without headers and marks damaged quoted-printable", async () => {
    const view = await viewFixture("part-without-headers.eml");
    expect(view.subject).toBe("A part without headers");
    expect(view.from[0].address).toBe("script@example.test");
    expect(visibleText(view)).toBe("This part has no headers at all.\nDamaged quoted-printable: 100=% sure, café =ZZ fine.");
    expect(view.problems).toEqual(["Part of the message has damaged quoted-printable encoding; a few characters may show wrong."]);
  });
});
