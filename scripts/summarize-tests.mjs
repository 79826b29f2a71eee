// Sums the JSON reports of every suite into the closing "N passed, N failed" line.
// A suite that did not produce its report counts as one failure, so a crash can't look green.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const read = (f) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  } catch {
    return null;
  }
};
let passed = 0, failed = 0, skipped = 0;
// "-postgresql": the same tests run again with PostgreSQL as the database.
for (const suite of ["unit", "unit-postgresql", "integration", "integration-postgresql"]) {
  const r = read(`${suite}.json`);
  if (!r) { console.log(`${suite}: no report (crashed?)`); failed++; continue; }
  console.log(`${suite}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
  if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites; // a file that failed to load
}
const e2e = read("e2e.json");
if (!e2e) { console.log("e2e: no report"); failed++; }
else {
  const s = e2e.stats;
  console.log(`e2e: ${s.expected} passed, ${s.unexpected + s.flaky} failed (${s.flaky} flaky), ${s.skipped} skipped`);
  passed += s.expected; failed += s.unexpected + s.flaky; skipped += s.skipped;
  if ((e2e.errors ?? []).length) { console.log("e2e: errors outside tests:", e2e.errors.map((e) => e.message).join("; ")); failed++; }
}
if (fs.existsSync(path.join(dir, "typecheck-failed"))) { console.log("typecheck: failed"); failed++; }
if (fs.existsSync(path.join(dir, "build-failed"))) { console.log("build: failed"); failed++; }
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
