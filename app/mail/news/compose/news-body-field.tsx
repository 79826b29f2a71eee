"use client";
import { useState } from "react";
import type { BodyFormat } from "@/lib/compose/compose-types";
import { BodyField } from "../../compose/body-field";

const NO_IMAGES = "Pictures are not posted to newsgroups: the text and links are. Put the picture somewhere and link to it.";

/** The news composer's body: mail's Plain text / Rich text switch and editor, plain by default
 * (what newsgroups expect). The server action reads the body and its format from the hidden
 * fields. Rich posts carry no pictures (sanitizeOutgoingHtml keeps only inline cid: images,
 * which an article does not carry), so the editor takes none. */
export function NewsBodyField({ initial }: { initial: string }) {
  const [state, setState] = useState<{ body: string; format: BodyFormat }>({ body: initial, format: "plain" });
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="news-body" data-testid="news-body">
      <input type="hidden" name="text" value={state.body} />
      <input type="hidden" name="format" value={state.format} />
      <BodyField
        body={state.body}
        format={state.format}
        onChange={(patch) => setState((s) => ({ ...s, ...patch }))}
        disabled={false}
        answering={false}
        autoFocus={false}
        imageBudget={0}
        onError={() => setError(NO_IMAGES)}
      />
      {error && <p className="form-error" role="alert">{error}</p>}
      <p className="muted">{state.format === "plain" ? "Sent as plain text, as newsgroups expect." : "Sent as rich text with a plain-text copy; many news readers show only the plain text."}</p>
    </div>
  );
}
