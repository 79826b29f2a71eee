import type { ComposeContext, ComposeError, ComposeState, KeptAttachment, MessageRef, SaveDraftResult, SendResult } from "@/lib/compose/compose-types";
import { mutationHeaders } from "../mutation-headers";

/** A file in the composer: already on the server (kept), or picked and not yet uploaded. */
export type AttachmentItem = { id: string; kind: "kept"; ref: KeptAttachment } | { id: string; kind: "file"; file: File };

/** Posted as form fields of the same names: the fields of ComposeState the user edits, as the
 * form carries them. `identity` is the id of the identity sent as (ComposeState's `identityId`);
 * `readLinkDays` how long read links last, "" for the account's setting. */
export type ComposeFields = Pick<ComposeState, "to" | "cc" | "bcc" | "subject" | "body" | "format" | "readLink"> & {
  identity: string;
  readLinkDays: string;
};

export type ComposePayload = {
  fields: ComposeFields;
  items: AttachmentItem[];
  context: ComposeContext;
  draft: MessageRef | null;
  back: string;
};

export type PostOutcome<T> = { ok: true; value: T } | { ok: false; status: number; error: ComposeError["error"] };

/** Files in the order the server builds them: kept ones first, then uploads. The server answers
 * one reference per file in this order. */
export function orderedItems(items: AttachmentItem[]): AttachmentItem[] {
  return [...items.filter((i) => i.kind === "kept"), ...items.filter((i) => i.kind === "file")];
}

function toFormData(p: ComposePayload): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(p.fields)) form.set(k, String(v));
  const ordered = orderedItems(p.items);
  form.set("kept", JSON.stringify(ordered.flatMap((i) => (i.kind === "kept" ? [i.ref] : []))));
  for (const i of ordered) if (i.kind === "file") form.append("files", i.file, i.file.name);
  form.set("context", JSON.stringify(p.context));
  form.set("draft", JSON.stringify(p.draft));
  form.set("back", p.back);
  return form;
}

/**
 * POSTs the composer's state as multipart/form-data. XMLHttpRequest rather than fetch: only it
 * reports upload progress. The custom header is part of the CSRF defence.
 */
function post<T>(url: string, payload: ComposePayload, onProgress?: (fraction: number) => void): Promise<PostOutcome<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(mutationHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = "json";
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = xhr.response as (T & Partial<ComposeError>) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve({ ok: true, value: body });
      else resolve({ ok: false, status: xhr.status, error: body?.error ?? { code: "INTERNAL", message: "The server did not answer as expected." } });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: "NETWORK", message: "Postern cannot be reached. Check your connection; nothing is lost." } });
    xhr.send(toFormData(payload));
  });
}

export const saveDraftRequest = (p: ComposePayload, onProgress?: (f: number) => void) => post<SaveDraftResult>("/api/compose/draft", p, onProgress);
export const sendRequest = (p: ComposePayload, onProgress?: (f: number) => void) => post<SendResult>("/api/compose/send", p, onProgress);

export async function discardRequest(draft: MessageRef): Promise<boolean> {
  const res = await fetch("/api/compose/discard", {
    method: "POST",
    headers: mutationHeaders({ "content-type": "application/json" }),
    body: JSON.stringify(draft),
  }).catch(() => null);
  return Boolean(res?.ok);
}

/** After a save: files that were in the saved snapshot become references into the new draft;
 * files added meanwhile stay as they are; files removed meanwhile stay removed. */
export function applySaved(current: AttachmentItem[], snapshot: AttachmentItem[], saved: SaveDraftResult): AttachmentItem[] {
  const refs = new Map(orderedItems(snapshot).map((item, i) => [item.id, saved.attachments[i]]));
  return current.map((item) => {
    const ref = refs.get(item.id);
    return ref ? { id: item.id, kind: "kept", ref } : item;
  });
}
