import { ContentInfo, SignedData, id_signedData } from "@peculiar/asn1-cms";
import { AsnConvert } from "@peculiar/asn1-schema";
import { type Certificate, type Name, SubjectAlternativeName, id_ce_subjectAltName } from "@peculiar/asn1-x509";

// S/MIME opaque signing (RFC 8551 3.5.2): application/pkcs7-mime; smime-type=signed-data is a
// CMS SignedData (RFC 5652) that carries the signed MIME entity inside it. Postern takes the
// entity out to show it; the signature is not verified.

export type Signer = {
  /** The certificate's subject, e.g. "CN=Sophie Signer, O=Example". */
  subject: string;
  /** From the subject alternative name, else the subject's emailAddress; "" if neither. */
  email: string;
};
export type SignedContent = { content: Buffer; signer: Signer | null };

const ID_DATA = "1.2.840.113549.1.7.1";
const NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "1.2.840.113549.1.9.1": "E",
};
const EMAIL_ADDRESS = "1.2.840.113549.1.9.1";

/** The signed entity and who signed it; null when `data` is not SignedData around data content. */
export function readSignedData(data: Buffer): SignedContent | null {
  let signed: SignedData;
  try {
    const info = AsnConvert.parse(data, ContentInfo);
    if (info.contentType !== id_signedData) return null;
    signed = AsnConvert.parse(info.content, SignedData);
  } catch {
    return null;
  }
  const encapsulated = signed.encapContentInfo;
  if (encapsulated.eContentType !== ID_DATA || !encapsulated.eContent) return null;
  const content = encapsulated.eContent.single
    ? Buffer.from(encapsulated.eContent.single.buffer)
    : encapsulated.eContent.any
      ? joinOctetStrings(Buffer.from(encapsulated.eContent.any))
      : null;
  if (!content) return null;
  return { content, signer: findSigner(signed) };
}

function findSigner(signed: SignedData): Signer | null {
  const certificates = (signed.certificates ?? []).flatMap((choice) => (choice.certificate ? [choice.certificate] : []));
  const sid = signed.signerInfos[0]?.sid;
  if (!sid) return null;
  const certificate = certificates.find((c) => {
    if (sid.issuerAndSerialNumber) {
      const { issuer, serialNumber } = sid.issuerAndSerialNumber;
      return sameBytes(serialNumber, c.tbsCertificate.serialNumber) && sameBytes(AsnConvert.serialize(issuer), AsnConvert.serialize(c.tbsCertificate.issuer));
    }
    const keyId = sid.subjectKeyIdentifier?.buffer;
    const extension = c.tbsCertificate.extensions?.find((e) => e.extnID === "2.5.29.14");
    return keyId !== undefined && extension !== undefined && Buffer.from(extension.extnValue.buffer).subarray(2).equals(Buffer.from(keyId));
  });
  return certificate ? describe(certificate) : null;
}

function describe(certificate: Certificate): Signer {
  const subject = certificate.tbsCertificate.subject;
  let email = "";
  const san = certificate.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectAltName);
  if (san) {
    try {
      email = AsnConvert.parse(san.extnValue, SubjectAlternativeName).find((name) => name.rfc822Name)?.rfc822Name ?? "";
    } catch {
      // a damaged extension: fall back to the subject
    }
  }
  if (!email) email = attribute(subject, EMAIL_ADDRESS) ?? "";
  return { subject: formatName(subject), email };
}

function attribute(name: Name, oid: string): string | undefined {
  for (const rdn of name) for (const atv of rdn) if (atv.type === oid) return atv.value.toString();
  return undefined;
}

/** The subject as people read it: most specific last is X.500 order; mail clients show it as is. */
function formatName(name: Name): string {
  return name
    .flatMap((rdn) => [...rdn].map((atv) => `${NAMES[atv.type] ?? atv.type}=${atv.value.toString()}`))
    .join(", ");
}

function sameBytes(a: ArrayBuffer | ArrayBufferView, b: ArrayBuffer | ArrayBufferView): boolean {
  const view = (x: ArrayBuffer | ArrayBufferView) => (ArrayBuffer.isView(x) ? Buffer.from(x.buffer, x.byteOffset, x.byteLength) : Buffer.from(x));
  return view(a).equals(view(b));
}

/** Most levels of nested constructed OCTET STRINGs followed: signers write one or two. */
const MAX_BER_DEPTH = 8;

/** A BER constructed OCTET STRING (what streaming signers write, X.690 8.7.3): its primitive
 * pieces joined. Null when the bytes are not one. */
function joinOctetStrings(ber: Buffer): Buffer | null {
  const pieces: Buffer[] = [];
  const read = (offset: number, depth: number): number => {
    const tag = ber[offset];
    let length = ber[offset + 1];
    let start = offset + 2;
    if (tag !== 0x04 && tag !== 0x24) throw new RangeError("not an OCTET STRING");
    const indefinite = length === 0x80;
    if (length > 0x80) {
      const bytes = length & 0x7f;
      if (bytes > 4) throw new RangeError("length too long");
      length = 0;
      for (let i = 0; i < bytes; i++) length = length * 256 + ber[start + i];
      start += bytes;
    }
    if (tag === 0x04) {
      if (indefinite || start + length > ber.length) throw new RangeError("bad primitive");
      pieces.push(ber.subarray(start, start + length));
      return start + length;
    }
    if (depth >= MAX_BER_DEPTH) throw new RangeError("too deep");
    let at = start;
    const end = indefinite ? ber.length : start + length;
    while (at < end) {
      if (indefinite && ber[at] === 0 && ber[at + 1] === 0) return at + 2;
      at = read(at, depth + 1);
    }
    if (indefinite || at !== end) throw new RangeError("unterminated");
    return end;
  };
  try {
    read(0, 0);
  } catch {
    return null;
  }
  return Buffer.concat(pieces);
}
