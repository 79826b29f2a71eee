// The browser family that signed in or opened a read link ("Firefox on Linux"), in the reader's
// language: the facts come from lib/read-links/agent-family.ts, the words from the catalog's
// "agent" namespace. Browser and platform names are product names and stay as they are.
import { agentFactsOfName, type AgentFacts } from "@/lib/read-links/agent-family";

/** The catalog's "agent" namespace, as any next-intl translator of it. */
export type AgentTranslate = (key: "browserOn" | "script" | "unknownBrowser", values?: { browser: string; platform: string }) => string;

export function sayAgent(t: AgentTranslate, facts: AgentFacts): string {
  if (facts.kind === "unknown") return t("unknownBrowser");
  if (facts.kind === "script") return t("script");
  return facts.platform ? t("browserOn", { browser: facts.browser, platform: facts.platform }) : facts.browser;
}

/** A family stored in English (a receipt's openedAgent); text this module does not know is said as it is. */
export function sayStoredAgent(t: AgentTranslate, stored: string): string {
  const facts = agentFactsOfName(stored);
  return facts ? sayAgent(t, facts) : stored;
}
