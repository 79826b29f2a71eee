import { decryptBytes, decryptCredentials, encryptBytes, encryptCredentials, type MailCredentials } from "@/lib/auth/credentials";
import { deriveKey } from "@/lib/auth/secret-key";
import { decodePayload, encodePayload, type OutboxPayload } from "./outbox-payload";

// A queued message's secrets are sealed as sessions' are (lib/auth/credentials.ts), under a key
// of their own, each bound to its job id and column so a sealed value cannot be moved elsewhere.
const key = () => deriveKey("outbox");

export const sealCredentials = (creds: MailCredentials, jobId: string) => encryptCredentials(creds, key(), `credentials:${jobId}`);
export const openCredentials = (sealed: string, jobId: string) => decryptCredentials(sealed, key(), `credentials:${jobId}`);

export const sealPayload = (p: OutboxPayload, jobId: string) => encryptBytes(encodePayload(p), key(), `payload:${jobId}`);
export const openPayload = (sealed: Uint8Array, jobId: string) => decodePayload(decryptBytes(sealed, key(), `payload:${jobId}`));
