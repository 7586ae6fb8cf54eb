import { execa } from "execa";
import { join } from "node:path";
import { REPO } from "../util.js";

/**
 * Builds the host suite's images before any test worker starts. Built from inside a test, a cold debootstrap
 * (minutes) blocked the worker's event loop past vitest's 60-second RPC timeout, and the run failed with
 * "Timeout calling onTaskUpdate" though every test passed. Here it runs asynchronously in the main process, and
 * the workers' own calls find the images cached.
 */
export default async function setup(): Promise<void> {
  for (const script of ["host-test-image.sh", "pg-test-image.sh"]) {
    const r = await execa("bash", [join(REPO, "scripts", script)], { reject: false, all: true });
    if (r.exitCode !== 0) throw new Error(`scripts/${script} failed:\n${r.all}`);
  }
}
