import type { VcardProblem } from "./split-vcards";

/** A problem as the user reads it: "Entry 4 (“Broken Bob”), line 38: …". */
export function describeProblem(p: VcardProblem): string {
  const where = p.entry ? `Entry ${p.entry}${p.name ? ` (“${p.name}”)` : ""}, line ${p.line}` : `Line ${p.line}`;
  return `${where}: ${p.message}`;
}
