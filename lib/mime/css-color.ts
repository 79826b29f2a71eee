// CSS colours as mail uses them (hex, rgb()/rgba(), hsl()/hsla(), the common names), parsed into
// sRGB, with WCAG contrast and HSL lightness. Anything else (currentColor, var(), gradients) is
// "unknown": callers leave it as the sender wrote it.

export type Rgb = { r: number; g: number; b: number };

const NAMED: Record<string, string> = {
  black: "000000", white: "ffffff", red: "ff0000", green: "008000", blue: "0000ff", yellow: "ffff00", gray: "808080",
  grey: "808080", silver: "c0c0c0", maroon: "800000", navy: "000080", teal: "008080", olive: "808000", purple: "800080",
  orange: "ffa500", lime: "00ff00", aqua: "00ffff", cyan: "00ffff", fuchsia: "ff00ff", magenta: "ff00ff",
  whitesmoke: "f5f5f5", gainsboro: "dcdcdc", lightgray: "d3d3d3", lightgrey: "d3d3d3", darkgray: "a9a9a9",
  darkgrey: "a9a9a9", dimgray: "696969", dimgrey: "696969", ghostwhite: "f8f8ff", snow: "fffafa", ivory: "fffff0",
  beige: "f5f5dc", linen: "faf0e6", oldlace: "fdf5e6", floralwhite: "fffaf0", aliceblue: "f0f8ff", azure: "f0ffff",
  honeydew: "f0fff0", mintcream: "f5fffa", lavender: "e6e6fa", lightyellow: "ffffe0", lightblue: "add8e6",
  lightgreen: "90ee90", lightpink: "ffb6c1", darkblue: "00008b", darkred: "8b0000", darkgreen: "006400",
  steelblue: "4682b4", royalblue: "4169e1", dodgerblue: "1e90ff", midnightblue: "191970", crimson: "dc143c",
  firebrick: "b22222", darkorange: "ff8c00", gold: "ffd700", tomato: "ff6347", coral: "ff7f50", brown: "a52a2a",
  chocolate: "d2691e", seagreen: "2e8b57", forestgreen: "228b22", slategray: "708090", slategrey: "708090",
  darkslategray: "2f4f4f", darkslategrey: "2f4f4f", lightslategray: "778899", cornflowerblue: "6495ed",
};

const clamp255 = (n: number) => Math.max(0, Math.min(255, Math.round(n)));

function fromHex(hex: string): Rgb | null {
  let h = hex;
  if (h.length === 3 || h.length === 4) h = [...h.slice(0, 3)].map((c) => c + c).join("");
  else if (h.length === 8) h = h.slice(0, 6);
  if (!/^[0-9a-f]{6}$/.test(h)) return null;
  return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16) };
}

function channel(v: string): number | null {
  const n = parseFloat(v);
  if (!Number.isFinite(n)) return null;
  return clamp255(v.trim().endsWith("%") ? (n / 100) * 255 : n);
}

/** A colour mail wrote, or null when it is not one this module understands. A colour with an
 * alpha below 1 is null too: what shows depends on what is under it. */
export function parseColor(value: string): Rgb | null {
  const v = value.trim().toLowerCase();
  if (v.startsWith("#")) return v.length === 9 && !v.endsWith("ff") ? null : fromHex(v.slice(1));
  if (/^[0-9a-f]{6}$/.test(v)) return fromHex(v); // bgcolor="ffffff", as old mail writes it
  if (NAMED[v]) return fromHex(NAMED[v]);
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(v);
  if (!fn) return null;
  const parts = fn[2].split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  if (parts[3] !== undefined && parseFloat(parts[3]) < (parts[3].endsWith("%") ? 100 : 1)) return null;
  if (fn[1].startsWith("rgb")) {
    const [r, g, b] = parts.slice(0, 3).map(channel);
    return r === null || g === null || b === null ? null : { r, g, b };
  }
  const [h, s, l] = [parseFloat(parts[0]), parseFloat(parts[1]) / 100, parseFloat(parts[2]) / 100];
  return [h, s, l].every(Number.isFinite) ? fromHsl({ h: ((h % 360) + 360) % 360, s, l }) : null;
}

export const toHex = (c: Rgb) => `#${[c.r, c.g, c.b].map((n) => clamp255(n).toString(16).padStart(2, "0")).join("")}`;

/** WCAG 2 relative luminance. */
export function luminance(c: Rgb): number {
  const lin = (n: number) => {
    const s = n / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export type Hsl = { h: number; s: number; l: number };

export function toHsl({ r, g, b }: Rgb): Hsl {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return { h: h * 60, s, l };
}

export function fromHsl({ h, s, l }: Hsl): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return { r: clamp255(f(0) * 255), g: clamp255(f(8) * 255), b: clamp255(f(4) * 255) };
}
