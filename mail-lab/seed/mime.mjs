// Tiny deterministic MIME writer for the lab corpus. Everything is built by hand (fixed
// boundaries, fixed Message-IDs) so the same input always gives the same bytes, and so the
// charset test cases really carry bytes in their declared charset.
import iconv from 'iconv-lite';

const CRLF = '\r\n';

/** Encode a JS string in a MIME charset (utf-8, iso-8859-1, windows-874, tis-620, iso-2022-jp). */
export function encodeCharset(str, charset) {
  const cs = charset.toLowerCase();
  if (cs === 'utf-8' || cs === 'us-ascii') return Buffer.from(str, 'utf8');
  if (cs === 'iso-2022-jp') return encodeIso2022jp(str);
  if (!iconv.encodingExists(cs)) throw new Error(`unknown charset ${charset}`);
  const buf = iconv.encode(str, cs);
  if (iconv.decode(buf, cs) !== str) throw new Error(`"${str}" is not representable in ${charset}`);
  return buf;
}

// ISO-2022-JP (RFC 1468): ASCII, plus JIS X 0208 between ESC $ B ... ESC ( B.
// JIS X 0208 bytes = EUC-JP bytes minus 0x80 (iconv-lite has EUC-JP but no ISO-2022-JP).
function encodeIso2022jp(str) {
  const out = [];
  let jis = false;
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) {
      if (jis) { out.push(0x1b, 0x28, 0x42); jis = false; }
      out.push(cp);
    } else {
      const euc = iconv.encode(ch, 'euc-jp');
      if (euc.length !== 2 || euc[0] < 0xa1 || euc[1] < 0xa1 || iconv.decode(euc, 'euc-jp') !== ch) {
        throw new Error(`"${ch}" is not in JIS X 0208`);
      }
      if (!jis) { out.push(0x1b, 0x24, 0x42); jis = true; }
      out.push(euc[0] - 0x80, euc[1] - 0x80);
    }
  }
  if (jis) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/**
 * RFC 2047 encoded words for a header value, split on character boundaries so that every word is
 * at most 75 chars (and each ISO-2022-JP word ends in ASCII state). Words are folded with CRLF SP.
 */
export function encodeWords(str, charset, enc = 'B') {
  const prefix = `=?${charset}?${enc}?`;
  const encode = (s) => {
    const b = encodeCharset(s, charset);
    return enc === 'B' ? b.toString('base64') : qEncode(b);
  };
  const words = [];
  let cur = '';
  for (const ch of str) {
    const next = cur + ch;
    if (cur && prefix.length + encode(next).length + 2 > 75) { words.push(cur); cur = ch; } else cur = next;
  }
  if (cur) words.push(cur);
  return words.map((w) => `${prefix}${encode(w)}?=`).join(`${CRLF} `);
}
function qEncode(buf) {
  let s = '';
  for (const b of buf) {
    if (b === 0x20) s += '_';
    else if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x21 || b === 0x2a || b === 0x2b || b === 0x2f) s += String.fromCharCode(b);
    else s += '=' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return s;
}

/** Quoted-printable (RFC 2045) for a body given as bytes with CRLF line ends. */
export function qpEncode(buf) {
  const lines = [];
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || (buf[i] === 0x0d && buf[i + 1] === 0x0a)) {
      lines.push(buf.subarray(start, i));
      start = i + 2; i++;
    }
  }
  return lines.map((line) => {
    let out = '', col = 0;
    for (let i = 0; i < line.length; i++) {
      const b = line[i];
      const last = i === line.length - 1;
      let t;
      if ((b === 0x20 || b === 0x09) && !last) t = String.fromCharCode(b);
      else if (b >= 0x21 && b <= 0x7e && b !== 0x3d) t = String.fromCharCode(b);
      else t = '=' + b.toString(16).toUpperCase().padStart(2, '0');
      if (col + t.length > 75) { out += '=' + CRLF; col = 0; }
      out += t; col += t.length;
    }
    return out;
  }).join(CRLF);
}

export function base64Lines(buf) {
  const b64 = buf.toString('base64');
  const out = [];
  for (let i = 0; i < b64.length; i += 76) out.push(b64.slice(i, i + 76));
  return out.join(CRLF);
}

/** Normalise a JS text to CRLF line ends. */
export const crlf = (s) => s.replace(/\r?\n/g, CRLF);

/**
 * A leaf part. body: string (encoded in `charset`) or Buffer (bytes as is).
 * cte: '7bit' | '8bit' | 'quoted-printable' | 'base64'.
 */
export function leaf({ type, charset, cte = '7bit', body, headers = [], params = '' }) {
  const bytes = Buffer.isBuffer(body) ? body : encodeCharset(crlf(body), charset || 'utf-8');
  let encoded;
  if (cte === 'base64') encoded = Buffer.from(base64Lines(bytes) + CRLF, 'ascii');
  else if (cte === 'quoted-printable') encoded = Buffer.from(qpEncode(bytes) + CRLF, 'ascii');
  else {
    if (cte === '7bit' && bytes.some((b) => b > 0x7f)) throw new Error('8-bit data in a 7bit part');
    encoded = bytes;
  }
  const ct = `${type}${charset ? `; charset=${charset}` : ''}${params}`;
  return { headers: [['Content-Type', ct], ['Content-Transfer-Encoding', cte], ...headers], body: encoded };
}

export function multipart(subtype, boundary, parts, { headers = [], params = '' } = {}) {
  const chunks = [];
  for (const [i, p] of parts.entries()) {
    chunks.push(Buffer.from(`${i ? CRLF : ''}--${boundary}${CRLF}${headerBlock(p.headers)}${CRLF}`));
    chunks.push(p.body);
  }
  chunks.push(Buffer.from(`${CRLF}--${boundary}--${CRLF}`));
  return { headers: [['Content-Type', `multipart/${subtype}; boundary="${boundary}"${params}`], ...headers], body: Buffer.concat(chunks) };
}

function headerBlock(headers) {
  return headers.map(([k, v]) => `${k}: ${v}${CRLF}`).join('');
}

/** Full message: top-level headers + the root part. Header values must already be 7-bit (use encodeWords). */
export function message(topHeaders, root) {
  for (const [k, v] of topHeaders) {
    if (/[^\x20-\x7e\r\n\t]/.test(v)) throw new Error(`non-ASCII header ${k}: ${v}`);
  }
  const head = headerBlock([...topHeaders, ['MIME-Version', '1.0'], ...root.headers]);
  return Buffer.concat([Buffer.from(head + CRLF, 'ascii'), root.body]);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 5322 date of `date` shown in a fixed UTC offset given in minutes (e.g. 420 = +0700). */
export function rfc5322Date(date, offsetMinutes = 0) {
  const d = new Date(date.getTime() + offsetMinutes * 60000);
  const p2 = (n) => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${sign}${p2(Math.floor(off / 60))}${p2(off % 60)}`;
}

/** Mailbox "Display Name <addr>"; non-ASCII names become encoded words in `charset`. */
export function mailbox(name, addr, charset = 'utf-8', enc = 'B') {
  if (!name) return `<${addr}>`;
  if (/^[\x20-\x7e]*$/.test(name)) {
    return /^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~]*$/.test(name) ? `${name} <${addr}>` : `"${name.replace(/["\\]/g, '\\$&')}" <${addr}>`;
  }
  return `${encodeWords(name, charset, enc)} <${addr}>`;
}
