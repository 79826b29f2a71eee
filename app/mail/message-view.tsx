import Link from "next/link";
import type { MessageView } from "@/lib/mime/message-view";
import type { Address } from "@/lib/mime/types";
import { formatAddress, formatSize } from "./format";
import { LocalDate } from "./local-date";
import { MessageActions } from "./message-actions";
import { mailUrl } from "./mail-url";

type Props = {
  folder: string;
  uid: number;
  page: number;
  imagesAllowed: boolean;
  size: number;
  flagged: boolean;
  inTrash: boolean;
  view: MessageView | null;
};

function partUrl(kind: "attachment" | "source", folder: string, uid: number, part?: string): string {
  const q = new URLSearchParams({ folder, uid: String(uid), ...(part ? { part } : {}) });
  return `/api/messages/${kind}?${q}`;
}

function AddressLine({ label, list }: { label: string; list: Address[] }) {
  if (!list.length) return null;
  return (
    <div className="header-line">
      <dt>{label}</dt>
      <dd>{list.map(formatAddress).join(", ")}</dd>
    </div>
  );
}

export function MessageViewPane({ folder, uid, page, imagesAllowed, size, flagged, inTrash, view }: Props) {
  const sourceUrl = partUrl("source", folder, uid);
  if (!view) {
    return (
      <article className="message-view" aria-label="Message">
        <p className="notice">
          This message is too large to display ({formatSize(size)}). <a href={sourceUrl}>Download it</a> to read it.
        </p>
      </article>
    );
  }
  const { body } = view;
  return (
    <article className="message-view" aria-label="Message">
      <header className="message-header">
        <h2 data-testid="message-subject">{view.subject || "(no subject)"}</h2>
        <dl>
          <AddressLine label="From" list={view.from} />
          <AddressLine label="To" list={view.to} />
          <AddressLine label="Cc" list={view.cc} />
          <AddressLine label="Reply-To" list={view.replyTo} />
          {view.date && (
            <div className="header-line">
              <dt>Date</dt>
              <dd>
                <LocalDate iso={view.date} long />
              </dd>
            </div>
          )}
        </dl>
        <div className="message-tools">
          <MessageActions uid={uid} flagged={flagged} inTrash={inTrash} />
          <a href={sourceUrl} target="_blank" rel="noopener">View source</a>
          <a href={`${sourceUrl}&download=1`}>Download (.eml)</a>
        </div>
      </header>
      {view.problems.length > 0 && (
        <div className="notice warning" role="status">
          <strong>Parts of this message could not be read.</strong> {view.problems.join(" ")}{" "}
          <a href={sourceUrl} target="_blank" rel="noopener">View source</a>
        </div>
      )}
      {body.kind === "html" && body.blockedRemoteCount > 0 && !imagesAllowed && (
        <div className="notice" role="status" data-testid="remote-blocked">
          Remote images are blocked to protect your privacy.{" "}
          <Link href={mailUrl({ folder, page, uid, images: "1" })} prefetch={false}>
            Show images
          </Link>
        </div>
      )}
      {view.attachments.length > 0 && (
        <ul className="attachments" aria-label="Attachments">
          {view.attachments.map((a) => (
            <li key={a.partId}>
              <a href={partUrl("attachment", folder, uid, a.partId)} download={a.filename} data-testid="attachment-link">
                <span className="attachment-name">{a.filename}</span>
              </a>{" "}
              <span className="attachment-meta">
                {a.contentType} · {formatSize(a.size)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="message-body">
        {body.kind === "html" && (
          <iframe
            title="Message content"
            className="html-body"
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            srcDoc={body.frameDocument}
            data-testid="html-body"
          />
        )}
        {body.kind === "text" && (
          <pre className="text-body" data-testid="text-body">
            {body.segments.map((s, i) =>
              s.kind === "link" ? (
                <a key={i} href={s.value} target="_blank" rel="noopener noreferrer">
                  {s.value}
                </a>
              ) : (
                <span key={i}>{s.value}</span>
              ),
            )}
          </pre>
        )}
        {body.kind === "empty" && <p className="notice">This message has no text.</p>}
      </div>
    </article>
  );
}
