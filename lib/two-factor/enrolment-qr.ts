import QRCode from "qrcode";
import { totpUri } from "./totp";

/** What an enrolment page shows: the QR code (a data: PNG, allowed by the page CSP's img-src) and
 * the secret in groups of four for typing it in instead. */
export async function enrolmentDisplay(account: string, secret: string): Promise<{ qrDataUrl: string; typedSecret: string }> {
  const qrDataUrl = await QRCode.toDataURL(totpUri(account, secret), { errorCorrectionLevel: "M", margin: 2, width: 200 });
  return { qrDataUrl, typedSecret: secret.replace(/(.{4})(?=.)/g, "$1 ") };
}
