// An error kept in the database for its owner to read later (a POP3 account's or an address
// book's last error): stored as its code, detail and English message (JSON), so the page says it
// in the reader's language (app/i18n/say-error.ts). Rows from before hold the English text only.
import type { ErrorDetail } from "./error-details";

export type StoredError = { code: string; message: string; detail?: ErrorDetail };

/** Longest message kept; a server's reply can be long. */
const MAX_MESSAGE = 500;

export function storeError(e: { code: string; message: string; detail?: ErrorDetail }): string {
  return JSON.stringify({ code: e.code, message: e.message.slice(0, MAX_MESSAGE), ...(e.detail ? { detail: e.detail } : {}) });
}

/** The stored error; old free text (or anything unreadable) is its own message, with no code. */
export function readStoredError(text: string): StoredError {
  if (text.startsWith("{")) {
    try {
      const v = JSON.parse(text) as Partial<StoredError>;
      if (typeof v.code === "string" && typeof v.message === "string") return { code: v.code, message: v.message, ...(v.detail ? { detail: v.detail } : {}) };
    } catch {
      // not ours: shown as it is
    }
  }
  return { code: "", message: text };
}
