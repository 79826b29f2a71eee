import { checkLink, checkSender } from "@/lib/mime/detect-phishing";
import { registrableDomain } from "@/lib/mime/registrable-domain";
import { readHtml } from "./read-html";
import { readSenderAuth } from "./sender-auth";
import { headerValue, type SpamMessage } from "./spam-message";
import { readUpstreamVerdict } from "./upstream-verdict";

/** A rule that matched, SpamAssassin style: positive points for spam signs, negative for good ones. */
export type RuleHit = {
  rule: string;
  points: number;
  description: string;
  /** The hand-set points, when `points` is the weight the learner learned from the user's mail
   * (rule-weights.ts); absent when the rule counts as set. */
  setPoints?: number;
  /** What the description names (a score, a server), for saying it in another language. */
  values?: Record<string, string>;
};

/** Visible text shorter than this in an HTML-only message is "tiny" (an image and a link, mostly). */
const TINY_TEXT_CHARS = 200;

/** A numeric zone (+0100) or one of RFC 5322's obsolete names. */
const DATE_ZONE = /[+-]\d{4}\b|\b(?:GMT|UT|UTC|[ECMP][SD]T|Z)\b/i;
const MESSAGE_ID = /^\s*<[^<>@\s]+@[^<>@\s]+>\s*$/;
/** "Get Paid For What You Know                         18436": bulk mailers pad the subject with
 * spaces and append a per-recipient tag, so that each copy's subject differs. */
const SUBJECT_TRACKING_TAG = /\S\s{6,}\S+\s*$/;

function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : registrableDomain(address.slice(at + 1).toLowerCase());
}

/**
 * The rules Postern applies next to the Bayesian filter. Few and conservative on purpose: Graham's
 * filter learns the content; these catch what a freshly trained filter cannot know yet, and the
 * mail server's own verdict. How the points combine with Bayes: combine-score.ts.
 */
export function applyRules(message: SpamMessage): RuleHit[] {
  const hits: RuleHit[] = [];
  const hit = (rule: string, points: number, description: string) => hits.push({ rule, points, description });

  const subject = headerValue(message, "Subject");
  const letters = subject.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 10 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    hit("SUBJ_ALL_CAPS", 1.5, "Subject is all capitals");
  }
  if ((subject.match(/!/g) ?? []).length >= 3) hit("SUBJ_EXCLAMATIONS", 0.5, "Subject has three or more exclamation marks");

  if (message.html) {
    const html = readHtml(message.html);
    const htmlOnly = /^\s*text\/html\b/i.test(headerValue(message, "Content-Type"));
    if (htmlOnly && html.text.replace(/\s+/g, " ").trim().length < TINY_TEXT_CHARS) {
      hit("HTML_ONLY_TINY_TEXT", 1.0, "HTML only, with almost no text");
    }
    const reasons = new Set(html.links.flatMap((l) => checkLink(l.href, l.text)?.reasons ?? []));
    if (reasons.has("text-mismatch")) hit("LINK_TEXT_MISMATCH", 2.0, "A link's words name another site than it opens");
    if (reasons.has("look-alike")) hit("LINK_LOOK_ALIKE", 2.5, "A link goes to a look-alike domain");
    if (reasons.has("ip-address")) hit("LINK_IP_ADDRESS", 1.0, "A link goes to a bare IP address");
    if (reasons.has("userinfo")) hit("LINK_USERINFO", 2.0, "A link hides its host behind a user name");
  }

  const from = message.from?.[0];
  const replyTo = message.replyTo?.[0];
  // A mailing list sets Reply-To to the list's own address: nothing odd about that.
  const viaList = !!(headerValue(message, "List-Id") || headerValue(message, "List-Post") || headerValue(message, "Mailing-List"));
  if (from?.address && replyTo?.address && !viaList && domainOf(from.address) !== domainOf(replyTo.address)) {
    hit("REPLYTO_OTHER_DOMAIN", 1.0, "Replies go to another domain than the sender's");
  }
  if (from && checkSender(from)) hit("FROM_NAME_CLAIMS_DOMAIN", 1.5, "The sender's name claims another address or a look-alike");

  // Headers that mail software writes right and bulk-mailing software often does not. Each of
  // DATE_UNREADABLE, DATE_NO_TIME_ZONE, MESSAGE_ID_MALFORMED, MIME_WITHOUT_VERSION, TEXT_IN_BASE64
  // and SUBJ_TRACKING_TAG hit at least 16 times more often in spam than in good mail of the spam
  // benchmark's training half (BENCHMARKS.md); their points (a point doubles the odds) are far
  // less than that, because such signs come together and Graham's filter already sees the words
  // of the same headers.
  const date = headerValue(message, "Date");
  if (!date) hit("MISSING_DATE", 0.5, "No Date header");
  else if (Number.isNaN(Date.parse(date.replace(/\([^)]*\)/g, "")))) hit("DATE_UNREADABLE", 1.0, "The Date header is not a date");
  else if (!DATE_ZONE.test(date)) hit("DATE_NO_TIME_ZONE", 1.0, "The Date header has no time zone");
  const messageId = headerValue(message, "Message-ID");
  if (!messageId) hit("MISSING_MESSAGE_ID", 0.5, "No Message-ID header");
  else if (!MESSAGE_ID.test(messageId)) hit("MESSAGE_ID_MALFORMED", 1.0, "The Message-ID is not of the form <left@right>");
  const contentType = headerValue(message, "Content-Type");
  if (!headerValue(message, "MIME-Version") && (message.html || /^\s*multipart\//i.test(contentType))) {
    hit("MIME_WITHOUT_VERSION", 1.0, "MIME (HTML or several parts) without a MIME-Version header");
  }
  if (/^\s*text\//i.test(contentType || "text/plain") && /^\s*base64\s*$/i.test(headerValue(message, "Content-Transfer-Encoding"))) {
    hit("TEXT_IN_BASE64", 0.5, "A text-only message encoded in base64, which hides its words from simple filters");
  }
  if (SUBJECT_TRACKING_TAG.test(subject)) hit("SUBJ_TRACKING_TAG", 1.5, "The subject ends in a tracking tag after a run of spaces");

  const auth = readSenderAuth(message);
  if (auth.spf === "fail") hit("SPF_FAIL", 1.5, "SPF failed: the sending server may not send for this domain");
  else if (auth.spf === "softfail") hit("SPF_SOFTFAIL", 0.5, "SPF soft-failed");
  if (auth.dkim === "fail") hit("DKIM_FAIL", 1.0, "The DKIM signature does not verify");
  if (auth.dmarc === "fail") hit("DMARC_FAIL", 2.0, "DMARC failed: the From domain did not authorize this message");

  // Another filter's verdict counts half: it is a second opinion, not the user's own judgement.
  const upstream = readUpstreamVerdict(message);
  if (upstream.score !== null) {
    const points = Math.max(-2.5, Math.min(5, upstream.score / 2));
    if (points !== 0) hits.push({ rule: "UPSTREAM_SCORE", points, description: `The mail server's filter scored it ${upstream.score}`, values: { score: String(upstream.score) } });
  } else if (upstream.flagged) {
    hit("UPSTREAM_FLAG", 4, "The mail server's filter flagged it as spam");
  }
  return hits;
}
