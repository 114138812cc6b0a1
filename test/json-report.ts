// With VITEST_JSON set (as CI does), each test project also writes a JSON
// report, which CI sums into its closing "N passed, N failed" line.
export function jsonReport(file: string) {
  if (!process.env.VITEST_JSON) return {};
  return {
    reporters: ["default", "json"],
    outputFile: { json: file },
  };
}
