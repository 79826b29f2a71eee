import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { quoteWordsFor } from "@/app/i18n/quote-words";
import { errorText } from "@/app/i18n/error-text";
import { NoticeText } from "@/app/i18n/notice-text";
import { requireMailSession } from "@/auth";
import { attributionLine, quoteText } from "@/lib/compose/quote-original";
import { isPosternError } from "@/lib/http/errors";
import { readNotice } from "@/lib/http/signed-notice";
import { followupSubject } from "@/lib/news/build-article";
import { readArticle } from "@/lib/news/read-article";
import { withNews } from "@/lib/news/with-news";
import { CsrfField } from "../../csrf-field";
import { postToNews } from "../actions";
import { newsParamsSchema } from "../news-params";
import { newsUrl } from "../news-url";
import { NewsBodyField } from "./news-body-field";

export const dynamic = "force-dynamic";

type Prefill = { newsgroups: string; subject: string; references: string; text: string };

/** Follow-ups go where the article's Followup-To says (RFC 5536 3.2.6), else to its groups;
 * news answers quote first and write below. Plain text by default (many news readers show
 * nothing else), rich text when the poster switches to it. */
export default async function NewsComposePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const raw = await searchParams;
  const params = newsParamsSchema.pick({ group: true, n: true }).parse(raw);
  const notice = readNotice(raw);
  let prefill: Prefill = { newsgroups: params.group ?? "", subject: "", references: "", text: "" };
  let error: string | null = null;
  if (params.group && params.n) {
    try {
      const [a, locale, timeZone] = await Promise.all([withNews(session.email, (s) => readArticle(s, { group: params.group!, number: params.n! })), getLocale(), getTimeZone()]);
      prefill = {
        newsgroups: (a.followupTo.length ? a.followupTo : a.newsgroups).join(","),
        subject: followupSubject(a.message.subject ?? ""),
        references: [...a.references, ...(a.messageId ? [a.messageId] : [])].map((r) => `<${r}>`).join(" "),
        text: `${attributionLine(a.message.from, a.message.date, quoteWordsFor(locale, timeZone))}\n${a.message.text?.trim() ? quoteText(a.message.text) : ">"}\n\n`,
      };
    } catch (e) {
      if (!isPosternError(e)) throw e;
      error = await errorText(e);
    }
  }
  const t = await getTranslations("news");
  const back = params.group ? newsUrl({ group: params.group, n: params.n }) : "/mail/news";
  return (
    <main className="all-search" aria-label={t("postTo")}>
      <h1>{params.n ? t("followUp") : t("newArticle")}</h1>
      {notice && <p className={notice.kind === "error" ? "form-error" : "form-notice"} role="status"><NoticeText text={notice.text} /></p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      <form action={postToNews} className="news-compose" data-testid="news-composer">
        <CsrfField />
        <input type="hidden" name="references" value={prefill.references} />
        <input type="hidden" name="back" value={params.group ?? ""} />
        <label>
          {t("groups")}
          <input name="newsgroups" defaultValue={prefill.newsgroups} required data-testid="news-newsgroups" />
        </label>
        <label>
          {t("followupsTo")} <span className="muted">{t("optional")}</span>
          <input name="followupTo" defaultValue="" />
        </label>
        <label>
          {t("subject")}
          <input name="subject" defaultValue={prefill.subject} required data-testid="news-subject" />
        </label>
        <NewsBodyField initial={prefill.text} />
        <div className="news-compose-actions">
          <button type="submit" data-testid="news-post">{t("post")}</button>
          <a href={back}>{t("cancel")}</a>
        </div>
      </form>
    </main>
  );
}

