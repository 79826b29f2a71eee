import { useTranslations } from "next-intl";
import { nameProblem } from "@/lib/mime/problems";

/** A message's notes (lib/mime/problems.ts) in the reader's language, one after the other. */
export function ProblemList({ problems }: { problems: string[] }) {
  const t = useTranslations("mimeProblems");
  return problems
    .map((text) => {
      const named = nameProblem(text);
      return named ? t(named.key, { filename: named.filename ?? "" }) : text;
    })
    .join(" ");
}
