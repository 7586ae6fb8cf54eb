// Entry point for `npx cdktf synth` (cdktf.json "app"): the bundled example deployment.
import { synthesize } from "./synth.js";

synthesize({ outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out" });
