import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";
import { agentFacts, agentFactsOfName, agentFamily } from "@/lib/read-links/agent-family";
import { sayAgent, sayStoredAgent } from "./agent-name";

type IntlMessages = Parameters<typeof createTranslator>[0]["messages"];
const agentWords = (locale: string) => createTranslator({ locale, messages: loadMessages(locale) as IntlMessages, namespace: "agent" });

const AGENTS = [
  "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
  "Mozilla/5.0 Chrome/120.0",
  "curl/8.5.0",
  null,
];

describe("browser families in the reader's language", () => {
  it("reads every English name agentFamily stores back into its facts", () => {
    for (const ua of AGENTS) expect(agentFactsOfName(agentFamily(ua))).toEqual(agentFacts(ua));
    expect(agentFactsOfName("Netscape on BeOS")).toBeNull();
    expect(agentFactsOfName("")).toBeNull();
  });
  it("says them in German and Thai, keeping product names", () => {
    expect(sayAgent(agentWords("de"), agentFacts(AGENTS[0]))).toBe("Firefox unter Linux");
    expect(sayStoredAgent(agentWords("th"), "Safari on iOS")).toBe("Safari บน iOS");
    expect(sayStoredAgent(agentWords("de"), "a script")).toBe("ein Skript");
    expect(sayStoredAgent(agentWords("de"), "an unknown browser")).toBe("ein unbekannter Browser");
    expect(sayStoredAgent(agentWords("de"), "Chrome")).toBe("Chrome");
  });
  it("says a stored text it did not write as it is", () => {
    expect(sayStoredAgent(agentWords("de"), "Netscape on BeOS")).toBe("Netscape on BeOS");
  });
});
