import { type CollectedAttachments, MAX_TNEF_BYTES } from "@/lib/mime/collect-attachments";
import { formatMember, memberFilename, tnefMembers } from "@/lib/mime/derived-member";
import { findSecurity } from "@/lib/mime/find-security";
import type { PartSummary } from "@/lib/mime/observe-structure";
import { PROBLEMS } from "@/lib/mime/problems";
import { readCalendar } from "@/lib/mime/read-calendar";
import { readDeliveryStatus, readDispositionNotification } from "@/lib/mime/read-delivery-report";
import type { RtfBody } from "@/lib/mime/read-rtf-body";
import { readSignedData } from "@/lib/mime/read-signed-data";
import { readTnefBody } from "@/lib/mime/read-tnef-body";
import type { TextPartFile } from "@/lib/mime/read-text-parts";
import type { AttachmentInfo, DeliveryReport, ParsedMessage, SecurityMarker } from "@/lib/mime/types";

export type InterpretInput = {
  collected: CollectedAttachments;
  structure: PartSummary[];
  textFiles: TextPartFile[];
  textSecurity: SecurityMarker[];
  /** Parses a bare header block (a text/rfc822-headers part) as a message. */
  parseHeaders: (content: Buffer) => Promise<ParsedMessage>;
};

export type Interpreted = Required<Pick<ParsedMessage, "attachments" | "problems" | "attachedMessages" | "calendar" | "report" | "security">> & {
  /** The body inside the first winmail.dat that has one: for a message with no other body. */
  tnefBody: RtfBody | null;
  /** The MIME entity inside the first S/MIME signed-data part, to be shown as the message. */
  signedEntity: { partId: string; content: Buffer } | null;
};

const TNEF_TYPES = new Set(["application/ms-tnef", "application/vnd.ms-tnef"]);
const ALTERNATIVE_RENDERINGS = /^text\/(?!calendar$)/;

/**
 * Reads what the collected parts carry beyond their bytes: files packed in TNEF and uuencode
 * (listed after their container) and a TNEF's body, attached messages, calendar events, a
 * delivery report, and the signed/encrypted markers.
 */
export async function interpretParts(input: InterpretInput): Promise<Interpreted> {
  const { collected, structure } = input;
  const byPartId = new Map(structure.map((part, index) => [part.partId, { part, index }]));
  const problems: string[] = [];
  const attachments: AttachmentInfo[] = [];
  let tnefBody: RtfBody | null = null;

  for (const { info, content } of collected.parts) {
    const found = byPartId.get(info.partId);
    const parent = found && found.part.parent >= 0 ? structure[found.part.parent] : null;
    const alternative = parent?.contentType === "multipart/alternative" && ALTERNATIVE_RENDERINGS.test(info.contentType);
    const isTnef = TNEF_TYPES.has(info.contentType) || /^win(?:mail)?\.dat$/i.test(info.filename);
    const unpacked = isTnef && content ? tnefMembers(content) : null;
    if (isTnef && !content && info.size > MAX_TNEF_BYTES) problems.push(PROBLEMS.tnefTooLarge(info.filename));
    if (unpacked?.damaged) problems.push(PROBLEMS.tnefDamaged(info.filename));
    const files = unpacked?.files ?? [];
    const body: RtfBody | null = unpacked && !tnefBody ? readTnefBody(unpacked.body) : null;
    tnefBody ??= body;
    // a winmail.dat is shown as its files and its body, not as a file of its own
    const shown = files.length > 0 || body !== null;
    attachments.push({ ...info, ...(shown ? { unpacked: true } : {}), ...(alternative ? { alternative: true } : {}) });
    files.forEach((file, i) => {
      const member = { kind: "tnef" as const, index: i + 1 };
      attachments.push({
        partId: info.partId,
        member: formatMember(member),
        filename: memberFilename(info.partId, member, file.name, file.contentType),
        contentType: file.contentType,
        size: file.data.length,
        disposition: "attachment",
      });
    });
  }
  for (const file of input.textFiles) {
    const filename = memberFilename(file.partId, file.member, file.name, file.contentType);
    attachments.push({ partId: file.partId, member: formatMember(file.member), filename, contentType: file.contentType, size: file.size, disposition: "attachment" });
  }
  attachments.sort(byPartNumber);

  const calendar = collected.parts.flatMap(({ info, content }) =>
    content && (info.contentType === "text/calendar" || info.contentType === "application/ics")
      ? readCalendar(content, info.partId, byPartId.get(info.partId)?.part.params.charset)
      : [],
  );
  // an invitation's .ics usually has no name; "part-3.ics" says nothing to the user
  for (const event of calendar) {
    const ics = attachments.find((a) => a.partId === event.partId && !a.member);
    if (ics && /^part-[\d.]+\.ics$/.test(ics.filename)) ics.filename = "invite.ics";
  }
  const security = [...findSecurity(structure), ...input.textSecurity];
  let signedEntity: Interpreted["signedEntity"] = null;
  for (const marker of security) {
    if (marker.kind !== "signed" || !/pkcs7-mime$/.test(byPartId.get(marker.partId)?.part.contentType ?? "")) continue;
    const content = collected.parts.find(({ info }) => info.partId === marker.partId)?.content;
    const signed: ReturnType<typeof readSignedData> = content && !signedEntity ? readSignedData(content) : null;
    if (!signed) {
      problems.push(PROBLEMS.opaqueSigned);
      continue;
    }
    signedEntity = { partId: marker.partId, content: signed.content };
    if (signed.signer) marker.signer = signed.signer;
  }
  return {
    attachments,
    problems,
    attachedMessages: collected.parts.flatMap(({ info, message }) => {
      if (!message) return [];
      const inline = info.disposition === "inline" || byPartId.get(info.partId)?.index === 0;
      return [{ partId: info.partId, message, ...(inline ? { inline: true } : {}) }];
    }),
    calendar,
    report: await readReport(input, byPartId),
    security,
    tnefBody,
    signedEntity,
  };
}

async function readReport(input: InterpretInput, byPartId: Map<string, { part: PartSummary; index: number }>): Promise<DeliveryReport | null> {
  const reportIndex = input.structure.findIndex((part) => !part.embedded && part.contentType === "multipart/report");
  if (reportIndex < 0) return null;
  const inReport = input.collected.parts.filter(({ info }) => byPartId.get(info.partId)?.part.parent === reportIndex);
  const status = inReport.find(({ info, content }) => content && /^message\/(?:global-)?delivery-status$/.test(info.contentType));
  const mdn = inReport.find(({ info, content }) => content && /^message\/(?:global-)?disposition-notification$/.test(info.contentType));
  if (!status?.content && !mdn?.content) return null;
  const fields = status?.content
    ? { kind: "delivery-status" as const, disposition: "", ...readDeliveryStatus(status.content) }
    : { kind: "disposition-notification" as const, ...readDispositionNotification(mdn!.content!) };

  let original = inReport.find(({ message }) => message)?.message ?? null;
  const headers = inReport.find(({ info, content }) => content && /^(?:text\/rfc822-headers|message\/global-headers)$/.test(info.contentType));
  if (!original && headers?.content) original = await input.parseHeaders(headers.content);
  return {
    ...fields,
    original: original ? { subject: original.subject, to: original.to, date: original.date, messageId: original.messageId } : null,
  };
}

/** Document order: part numbers compared number by number ("2" < "10", "1.2" < "2"), a
 * container before the files unpacked from it. */
function byPartNumber(a: AttachmentInfo, b: AttachmentInfo): number {
  const x = a.partId.split(".").map(Number);
  const y = b.partId.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? -1) - (y[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return (a.member ? 1 : 0) - (b.member ? 1 : 0);
}
