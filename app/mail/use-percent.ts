import { useFormatter } from "next-intl";

/** A probability as the spam panel shows it: one decimal, and never "100%" or "0%" for what is not sure. */
export function usePercent(): (p: number) => string {
  const format = useFormatter();
  return (p) => {
    const shown = (q: number) => format.number(q, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    if (p >= 0.9995 && p < 1) return `>${shown(0.999)}`;
    if (p > 0 && p < 0.0005) return `<${shown(0.001)}`;
    return shown(p);
  };
}
