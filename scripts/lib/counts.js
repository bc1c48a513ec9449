// Reads the JSON reports of Vitest and Playwright and counts passed and failed tests, for the
// closing summary line of `npm test` and CI ("N passed, N failed").
import fs from 'node:fs';

export function vitestCounts(file) {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  // A file that fails to load has no failed tests but a failed suite: count it as a failure.
  const failedSuitesOnly = report.numFailedTests ? 0 : (report.numFailedTestSuites ?? 0);
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + failedSuitesOnly,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

export function playwrightCounts(file) {
  if (!fs.existsSync(file)) return null;
  const stats = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}

export function summaryLine(...counts) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const c of counts.filter(Boolean)) for (const k of Object.keys(total)) total[k] += c[k];
  return `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
}
