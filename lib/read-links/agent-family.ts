// What is kept about who opened a link: the browser family and platform, never the full
// User-Agent string (which with the time can single a person out).

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\b(?:OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  // Headless browsers are what link scanners and automation use; worth telling apart.
  [/\bHeadlessChrome\//, "headless Chrome"],
  [/\b(?:Chrome|Chromium|CriOS)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*Safari\//, "Safari"],
  [/\b(?:curl|Wget|python-requests|Go-http-client|node-fetch|undici)\b/i, "a script"],
];

const PLATFORMS: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b/, "Linux"],
];

export type AgentFacts = { kind: "unknown" } | { kind: "script" } | { kind: "browser"; browser: string; platform: string | null };

/** The browser family and platform of a User-Agent, for pages that say them in the reader's language. */
export function agentFacts(userAgent: string | null | undefined): AgentFacts {
  const ua = (userAgent ?? "").slice(0, 1000);
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  if (!browser) return { kind: "unknown" };
  if (browser === "a script") return { kind: "script" };
  return { kind: "browser", browser, platform: PLATFORMS.find(([re]) => re.test(ua))?.[1] ?? null };
}

/** "Firefox on Linux", "Safari on iOS", "a script", or "an unknown browser". */
export function agentFamily(userAgent: string | null | undefined): string {
  return englishAgentName(agentFacts(userAgent));
}

/** The English words for `facts`: what receipts store (read-link-store's openedAgent). */
export function englishAgentName(facts: AgentFacts): string {
  if (facts.kind === "unknown") return "an unknown browser";
  if (facts.kind === "script") return "a script";
  return facts.platform ? `${facts.browser} on ${facts.platform}` : facts.browser;
}

// Constants made from the tables above: the same in every process.
const BROWSER_NAMES = new Set(BROWSERS.map(([, name]) => name));
const PLATFORM_NAMES = new Set(PLATFORMS.map(([, name]) => name));

/** The facts behind a stored englishAgentName, to say it in the reader's language; null when
 * the text is not one this module wrote (said as it is). */
export function agentFactsOfName(name: string): AgentFacts | null {
  if (name === "an unknown browser") return { kind: "unknown" };
  if (name === "a script") return { kind: "script" };
  if (BROWSER_NAMES.has(name)) return { kind: "browser", browser: name, platform: null };
  const on = name.lastIndexOf(" on ");
  const [browser, platform] = [name.slice(0, on), name.slice(on + 4)];
  return on > 0 && BROWSER_NAMES.has(browser) && PLATFORM_NAMES.has(platform) ? { kind: "browser", browser, platform } : null;
}
