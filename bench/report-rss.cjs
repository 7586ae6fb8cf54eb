// Preloaded into benchmarked and judged processes: when the process exits, writes its peak resident set size (KiB)
// to BENCH_RSS_FILE and the CPU time it used (user + system, ms) to BENCH_CPU_FILE. CPU time bounds the work a
// hostile input causes whatever else the machine is doing; wall time on a loaded machine does not.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  const usage = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(usage.maxRSS));
  if (process.env.BENCH_CPU_FILE) writeFileSync(process.env.BENCH_CPU_FILE, String(Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)));
});
