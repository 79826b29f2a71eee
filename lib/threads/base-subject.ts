/**
 * Reply and forward markers, as mail programs write them in many languages: English Re/Fw/Fwd,
 * German AW/WG, Scandinavian SV/VS/VB, Dutch Antw/Doorst, French TR, Spanish RV, Portuguese
 * Res/Enc, Italian Rif, Polish Odp/PD, Turkish Ynt/İlt, and the Chinese and Korean ones. Single
 * letters ("R:", "I:") are left out: "I: see below" would lose its first word.
 */
const MARKERS = [
  "re", "fw", "fwd", "aw", "wg", "sv", "vs", "vb", "antw", "doorst", "tr", "rv", "res", "enc", "rif",
  "odp", "pd", "ynt", "ilt", "İlt", "回复", "回覆", "答复", "答覆", "转发", "轉寄", "转寄", "전달", "답장",
];

// "Re:", "RE[2]:", "Re(3):", "Re^2:", "Re :", "回复：" (full-width colon), optionally after [list] tags.
const LEADER = new RegExp(`^(?:\\[[^\\[\\]]*\\]\\s*)*(?:${MARKERS.join("|")})\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]`, "iu");
// A mailing list's "[list-name]" tag; removed only when something is left after it (RFC 5256 subj-blob).
const BLOB = /^\[[^[\]]*\]/;
// "(fwd)" at the end, as old clients wrote it (RFC 5256 subj-trailer).
const TRAILER = /\(fwd\)\s*$/i;
// "[Fwd: the subject]", the whole subject wrapped by a forwarding client (RFC 5256 subj-fwd).
const FWD_WRAPPER = /^\[fwd:(.*)\]$/is;

export type BaseSubject = {
  /** The subject without markers and list tags, whitespace collapsed: what a thread is about. */
  base: string;
  /** Whether a reply or forward marker was removed: such a message joins an existing thread as a child. */
  isReply: boolean;
};

/**
 * The base subject of RFC 5256 section 2.1, extended with localized reply markers: threading
 * groups messages whose base subjects are equal (compare them with `subjectKey`).
 */
export function baseSubject(subject: string): BaseSubject {
  let s = subject.replace(/\s+/gu, " ").trim();
  let isReply = false;
  for (let changed = true; changed; ) {
    changed = false;
    while (TRAILER.test(s)) {
      s = s.replace(TRAILER, "").trimEnd();
      isReply = changed = true;
    }
    for (let m = LEADER.exec(s); m; m = LEADER.exec(s)) {
      s = s.slice(m[0].length).trimStart();
      isReply = changed = true;
    }
    const blob = BLOB.exec(s);
    if (blob && s.slice(blob[0].length).trim()) {
      s = s.slice(blob[0].length).trimStart();
      changed = true;
    }
    const wrapped = FWD_WRAPPER.exec(s);
    if (wrapped) {
      s = wrapped[1].trim();
      isReply = changed = true;
    }
  }
  return { base: s, isReply };
}

/** The key two base subjects are compared by: case and Unicode normalization do not matter. */
export function subjectKey(base: string): string {
  return base.normalize("NFC").toLowerCase();
}
