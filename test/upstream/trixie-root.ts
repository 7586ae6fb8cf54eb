// The trixie root helpers live with the benchmarks (`npm run bench:db` starts PostgreSQL in it too).
export { TRIXIE_ROOT, upstreamRoot } from "../../bench/trixie-root.js";
