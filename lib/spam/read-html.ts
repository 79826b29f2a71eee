import { Parser } from "htmlparser2";

export type HtmlFacts = {
  /** The text a reader would see, without scripts, style sheets and comments. */
  text: string;
  /** URL-like attribute values (href, src, action, background...). */
  urls: string[];
  /** Each link's target and the words it shows. */
  links: { href: string; text: string }[];
};

const URL_VALUE = /^\s*(?:(?:https?|ftp):\/\/|www\.|mailto:)/i;

/** One pass over an HTML body with htmlparser2 (which decodes entities): what the spam filter's
 * tokenizer and rules read of it. Tag and attribute names are never part of the result. */
export function readHtml(html: string): HtmlFacts {
  const text: string[] = [];
  const urls: string[] = [];
  const links: { href: string; text: string }[] = [];
  let skipDepth = 0;
  let link: { href: string; text: string } | null = null;
  const parser = new Parser({
    onopentag: (name, attributes) => {
      if (name === "script" || name === "style") skipDepth++;
      for (const value of Object.values(attributes)) if (URL_VALUE.test(value)) urls.push(value.trim());
      if (name === "a" && attributes.href) link = { href: attributes.href.trim(), text: "" };
    },
    onclosetag: (name) => {
      if ((name === "script" || name === "style") && skipDepth > 0) skipDepth--;
      if (name === "a" && link) {
        links.push(link);
        link = null;
      }
    },
    ontext: (data) => {
      if (skipDepth > 0) return;
      text.push(data);
      if (link) link.text += data;
    },
  });
  parser.end(html);
  // Joined with spaces: a tag between two words never glues them into a new one.
  return { text: text.join(" "), urls, links };
}
