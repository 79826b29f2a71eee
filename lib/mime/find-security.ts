import type { PartSummary } from "@/lib/mime/observe-structure";
import type { SecurityMarker } from "@/lib/mime/types";

const SMIME_SIGNATURE = /^application\/(?:x-)?pkcs7-signature$/;
const SMIME_CONTENT = /^application\/(?:x-)?pkcs7-mime$/;

/**
 * Signed and encrypted parts of a message (RFC 1847 multipart/signed and multipart/encrypted,
 * S/MIME application/pkcs7-mime), outside the messages embedded in it.
 */
export function findSecurity(parts: PartSummary[]): SecurityMarker[] {
  const markers: SecurityMarker[] = [];
  const secondChild = (index: number) => parts.filter((p) => p.parent === index)[1]?.partId;
  parts.forEach((part, index) => {
    if (part.embedded) return;
    const protocol = (part.params.protocol ?? "").toLowerCase();
    if (part.contentType === "multipart/signed") {
      const scheme = protocol === "application/pgp-signature" ? "pgp" : SMIME_SIGNATURE.test(protocol) ? "smime" : null;
      const signature = secondChild(index);
      if (scheme && signature) markers.push({ kind: "signed", scheme, partId: signature });
    } else if (part.contentType === "multipart/encrypted") {
      markers.push({ kind: "encrypted", scheme: protocol === "application/pgp-encrypted" ? "pgp" : "smime", partId: secondChild(index) ?? part.partId });
    } else if (SMIME_CONTENT.test(part.contentType)) {
      const type = (part.params["smime-type"] ?? "").toLowerCase();
      if (type === "certs-only") return;
      markers.push({ kind: type === "signed-data" ? "signed" : "encrypted", scheme: "smime", partId: part.partId });
    }
  });
  return markers;
}
