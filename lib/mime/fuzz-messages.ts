// Malformed mail for the robustness tests (issue 8): real messages broken in the ways mail breaks
// (cut short, boundaries lost, encodings corrupted, unknown charsets, stray CR/NUL), plus the
// pathological shapes a hostile sender can build (1 MB headers, deep nesting, thousands of parts).
// Deterministic for a seed, so a failure can be replayed.

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);

type Mutation = { name: string; apply(src: Buffer, r: Random): Buffer };

const replaceAll = (src: Buffer, from: RegExp, to: (m: string) => string) => Buffer.from(src.toString("latin1").replace(from, to), "latin1");

export const MUTATIONS: Mutation[] = [
  { name: "truncate", apply: (s, r) => s.subarray(0, int(r, s.length)) },
  { name: "delete-slice", apply: (s, r) => { const a = int(r, s.length); return Buffer.concat([s.subarray(0, a), s.subarray(a + int(r, 2000))]); } },
  { name: "duplicate-slice", apply: (s, r) => { const a = int(r, s.length); const b = a + int(r, 4000); return Buffer.concat([s.subarray(0, b), s.subarray(a, b), s.subarray(b)]); } },
  { name: "flip-bytes", apply: (s, r) => { const out = Buffer.from(s); for (let i = 0; i < 1 + int(r, 40); i++) out[int(r, out.length)] = int(r, 256); return out; } },
  { name: "lose-boundary", apply: (s, r) => replaceAll(s, /boundary="?([^";\r\n]+)"?/i, () => `boundary="${int(r, 2) ? "" : "lost-" + int(r, 1e6)}"`) },
  { name: "drop-closing-boundaries", apply: (s) => replaceAll(s, /\r?\n--[^\r\n]+--\s*/g, () => "\n") },
  { name: "corrupt-base64", apply: (s, r) => replaceAll(s, /^[A-Za-z0-9+/]{40,}={0,2}$/gm, (line) => (int(r, 3) ? line.slice(0, int(r, line.length)) + "!*~\u00ff" + line.slice(int(r, line.length)) : line)) },
  { name: "corrupt-quoted-printable", apply: (s, r) => replaceAll(s, /=[0-9A-F]{2}/g, (m) => (int(r, 2) ? "=Z" + m.slice(2) : "=\r\n")) },
  { name: "unknown-charset", apply: (s, r) => replaceAll(s, /charset="?[^";\s]+"?/gi, () => `charset="x-unknown-${int(r, 1000)}"`) },
  { name: "wrong-encoding", apply: (s, r) => replaceAll(s, /Content-Transfer-Encoding:\s*\S+/gi, () => `Content-Transfer-Encoding: ${["base64", "quoted-printable", "x-uuencode", "7bit", "binary", "bogus"][int(r, 6)]}`) },
  { name: "stray-controls", apply: (s, r) => { const out = [...s]; for (let i = 0; i < 1 + int(r, 30); i++) out.splice(int(r, out.length), 0, [0, 13, 10, 0x1b, 0x7f][int(r, 5)]); return Buffer.from(out); } },
  { name: "broken-headers", apply: (s, r) => replaceAll(s, /^([A-Za-z-]+):/gm, (m) => (int(r, 4) ? m : ["", ":", m.slice(0, -1), `${m} =?utf-8?B?${"Zm9v".repeat(int(r, 5))}=`][int(r, 4)])) },
];

/** `count` mutants of the seed messages, each with the mutations applied (one to three). */
export function* mutants(seeds: { name: string; bytes: Buffer }[], count: number, seed: number): Generator<{ label: string; bytes: Buffer }> {
  const r = randomSource(seed);
  for (let i = 0; i < count; i++) {
    const base = seeds[int(r, seeds.length)];
    let bytes = base.bytes;
    const names: string[] = [];
    for (let k = 0; k < 1 + int(r, 3); k++) {
      const m = MUTATIONS[int(r, MUTATIONS.length)];
      bytes = m.apply(bytes, r);
      names.push(m.name);
    }
    yield { label: `#${i} ${base.name} ${names.join("+")}`, bytes };
  }
}

const HEAD = "From: fuzz@example.test\r\nTo: you@example.test\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n";

/** The hostile shapes the issue names, built whole. */
export function pathologicalMessages(): { label: string; bytes: Buffer }[] {
  const megaHeader = `${HEAD}Subject: ${"A".repeat(70)}${"\r\n B".repeat(1024 * 1024 / 4)}\r\nContent-Type: text/plain\r\n\r\nbody\r\n`;
  let nested = "Content-Type: text/plain\r\n\r\ninnermost text\r\n";
  for (let i = 0; i < 100; i++) nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
  let attached = "Subject: bottom\r\n\r\nbottom\r\n";
  for (let i = 0; i < 100; i++) attached = `Subject: level ${i}\r\nContent-Type: message/rfc822\r\n\r\n${attached}`;
  const parts = Array.from({ length: 10_000 }, (_, i) => `--many\r\nContent-Type: text/plain; name="p${i}.txt"\r\nContent-Disposition: attachment; filename="p${i}.txt"\r\n\r\npart ${i}\r\n`).join("");
  return [
    { label: "1 MB header", bytes: Buffer.from(megaHeader) },
    { label: "100-level multipart nesting", bytes: Buffer.from(`${HEAD}Subject: deep\r\n${nested}`) },
    { label: "100-level message/rfc822 nesting", bytes: Buffer.from(`${HEAD}${attached}`) },
    { label: "10,000 parts", bytes: Buffer.from(`${HEAD}Subject: many\r\nContent-Type: multipart/mixed; boundary="many"\r\n\r\n${parts}--many--\r\n`) },
    { label: "only a boundary line", bytes: Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x`) },
    { label: "empty", bytes: Buffer.alloc(0) },
  ];
}
