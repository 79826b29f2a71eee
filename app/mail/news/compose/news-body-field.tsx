"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { BodyFormat } from "@/lib/compose/compose-types";
import { BodyField } from "../../compose/body-field";

/** The news composer's body: mail's Plain text / Rich text switch and editor, plain by default
 * (what newsgroups expect). The server action reads the body and its format from the hidden
 * fields. Rich posts carry no pictures (sanitizeOutgoingHtml keeps only inline cid: images,
 * which an article does not carry), so the editor takes none. */
export function NewsBodyField({ initial }: { initial: string }) {
  const t = useTranslations("news");
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
        onError={() => setError(t("noImages"))}
      />
      {error && <p className="form-error" role="alert">{error}</p>}
      <p className="muted">{state.format === "plain" ? t("sentPlain") : t("sentRich")}</p>
    </div>
  );
}
