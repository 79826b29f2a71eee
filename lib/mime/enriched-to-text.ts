// text/enriched (RFC 1896) as plain text: formatting commands dropped, <param> contents dropped,
// "<<" is "<", and its line rules applied (outside <nofill>, one line break is a space and n
// breaks in a row are n-1 line breaks).

const TOKEN = /<<|<(\/?)([A-Za-z0-9-]{1,60})>|(?:\r?\n)+|[^<\r\n]+|</g;

export function enrichedToText(source: string): string {
  let out = "";
  let param = 0;
  let nofill = 0;
  for (const match of source.matchAll(TOKEN)) {
    const [token, closing, command] = match;
    if (command !== undefined) {
      const step = closing ? -1 : 1;
      const name = command.toLowerCase();
      if (name === "param") param = Math.max(0, param + step);
      else if (name === "nofill") nofill = Math.max(0, nofill + step);
      continue;
    }
    if (param > 0) continue;
    if (token === "<<") out += "<";
    else if (token[0] === "\n" || token[0] === "\r") {
      const breaks = token.split("\n").length - 1;
      out += nofill > 0 ? "\n".repeat(breaks) : breaks === 1 ? " " : "\n".repeat(breaks - 1);
    } else out += token;
  }
  return out;
}
