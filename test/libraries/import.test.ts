import { mkdtempSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProgress, ImportJournal, planBatches } from "../../src/libraries/import-batches.js";
import { HOST_READING_SCRIPT, judgePressure, parseHostReading, prometheusScalar } from "../../src/libraries/import-pressure.js";
import { execa } from "execa";
import { existsSync } from "node:fs";
import { tuneImportPressure } from "../../src/tuning/import-pressure.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import type { HardwareProfile } from "../../src/profile/hardware-profile-schema.js";
import { shippedProfile } from "../util.js";

const homelab = shippedProfile("homelab-minimal");
const withLibraryOn = (p: HardwareProfile, media: string): HardwareProfile =>
  ({ ...p, spec: { ...p.spec, storage: { ...p.spec.storage, pools: p.spec.storage.pools.map((pool) => (pool.roles.includes("library") ? { ...pool, media } : pool)) } } }) as HardwareProfile;
const tune = (p: HardwareProfile) => tuneImportPressure(p, computeTuning(p).jobs);

describe("import thresholds from the hardware profile (tuning engine)", () => {
  it("an HDD library pool tolerates 20 % I/O stall and 50 °C drives, with formula and source", () => {
    const t = tune(homelab);
    expect(t.ioSomeAvg10MaxPercent).toMatchObject({ value: 20, formula: "library pool media hdd → 20 % (hdd 20, sata-ssd 40, nvme 60)" });
    expect(t.ioSomeAvg10MaxPercent.source).toContain("psi.rst");
    expect(t.driveTempMaxC.value).toBe(50);
    expect(t.batchBytes).toMatchObject({ value: 100 * 60 * 1024 * 1024, formula: "100 MiB/s (hdd) × 60 s = 6000 MiB" });
  });

  it("an NVMe library pool tolerates three times the I/O stall and hotter drives", () => {
    const t = tune(withLibraryOn(homelab, "nvme-gen4"));
    expect(t.ioSomeAvg10MaxPercent.value).toBe(60);
    expect(t.driveTempMaxC.value).toBe(70);
  });

  it("upload concurrency follows the thumbnail queue's tuned concurrency, within 1–8", () => {
    const jobs = computeTuning(homelab).jobs;
    const t = tune(homelab);
    expect(t.uploadConcurrency.value).toBe(Math.min(8, Math.max(1, jobs.concurrency.thumbnailGeneration.value)));
    expect(t.uploadConcurrency.formula).toBe(`clamp(thumbnail job concurrency ${jobs.concurrency.thumbnailGeneration.value}, 1, 8) = ${t.uploadConcurrency.value}`);
  });
});

describe("pressure readings", () => {
  const HOST = [
    "some avg10=34.20 avg60=10.00 avg300=2.00 total=123",
    "full avg10=30.00 avg60=9.00 avg300=1.00 total=100",
    "hwmon\tcoretemp\tPackage id 0\t71000",
    "hwmon\tcoretemp\tCore 0\t88000",
    "hwmon\tdrivetemp\t\t47000",
    "hwmon\tnvme\tComposite\t52000",
    "hwmon\tacpitz\t\t27800",
    "hwmon\tdrivetemp\t\t-999999",
    "hwmon\tnvme\tComposite\tnot-a-number",
  ].join("\n");

  it("reads PSI's some avg10 and the hottest drive and CPU sensors over SSH; other chips and nonsense are ignored", () => {
    expect(parseHostReading(HOST)).toEqual({ ioSomeAvg10: 34.2, driveTempC: 52, cpuTempC: 88 });
  });

  it("a kernel without PSI and no sensors: nothing known", () => {
    expect(parseHostReading("")).toEqual({});
  });

  it("reads one number from a Prometheus instant query, and nothing from an error or an empty vector", () => {
    expect(prometheusScalar({ status: "success", data: { resultType: "vector", result: [{ metric: {}, value: [1733600000, "12.5"] }] } })).toBe(12.5);
    expect(prometheusScalar({ status: "success", data: { resultType: "vector", result: [] } })).toBeUndefined();
    expect(prometheusScalar({ status: "error", error: "bad query" })).toBeUndefined();
    expect(prometheusScalar({ status: "success", data: { resultType: "vector", result: [{ value: [1, "NaN"] }] } })).toBeUndefined();
  });

  it("waits while a reading is above its threshold (HDD: 34 % stall > 20 %), naming each", () => {
    expect(judgePressure(parseHostReading(HOST), tune(homelab))).toEqual({ wait: true, reasons: ["I/O stall 34.2 % > 20 %", "drive temperature 52 °C > 50 °C", "CPU temperature 88 °C > 85 °C"], unknown: [] });
  });

  it("the same stall is below an NVMe pool's threshold", () => {
    expect(judgePressure({ ioSomeAvg10: 34.2, driveTempC: 52, cpuTempC: 60 }, tune(withLibraryOn(homelab, "nvme-gen5"))).wait).toBe(false);
  });

  it("a reading that cannot be taken is reported, never waited on", () => {
    expect(judgePressure({ ioSomeAvg10: 5 }, tune(homelab))).toEqual({ wait: false, reasons: [], unknown: ["drive temperature", "CPU temperature"] });
  });
});

describe("the host reading script on this machine's kernel", () => {
  it("prints PSI in the format the parser reads (this kernel has /proc/pressure/io)", async (ctx) => {
    if (!existsSync("/proc/pressure/io")) ctx.skip();
    const r = await execa("bash", ["-c", HOST_READING_SCRIPT], { reject: false });
    expect(r.exitCode).toBe(0);
    const reading = parseHostReading(r.stdout);
    expect(reading.ioSomeAvg10).toBeGreaterThanOrEqual(0);
    expect(reading.ioSomeAvg10).toBeLessThanOrEqual(100);
  });
});

describe("batches, journal and progress", () => {
  const f = (path: string, bytes: number) => ({ path, bytes });

  it("cuts batches by file count and by bytes; an oversized file goes alone", () => {
    const files = [f("a", 10), f("b", 10), f("c", 10), f("d", 100), f("e", 1), f("g", 1)];
    expect(planBatches(files, 2, 50).map((b) => b.map((x) => x.path))).toEqual([["a", "b"], ["c"], ["d"], ["e", "g"]]);
  });

  it("refuses batches of no size", () => {
    expect(() => planBatches([], 0, 1)).toThrow(/maxFiles and maxBytes must be positive/);
  });

  it("the journal remembers finished batches across runs and ignores a torn last line", () => {
    const file = join(mkdtempSync(join(tmpdir(), "iac-journal-")), "import.jsonl");
    const j = new ImportJournal(file);
    j.record({ files: ["/p/a.jpg", "/p/b.jpg"], uploaded: 1, duplicates: 1, failed: [] });
    j.record({ files: ["/p/c.mov"], uploaded: 0, duplicates: 0, failed: [{ path: "/p/c.mov", reason: "unsupported file type" }] });
    appendFileSync(file, '{"files":["/p/d.jpg"],"upl');
    const again = new ImportJournal(file);
    expect([...again.done()].sort()).toEqual(["/p/a.jpg", "/p/b.jpg", "/p/c.mov"]);
    expect(again.summary()).toEqual({ uploaded: 1, duplicates: 1, failed: [{ path: "/p/c.mov", reason: "unsupported file type" }] });
  });

  it("no journal yet: nothing done", () => {
    const file = join(mkdtempSync(join(tmpdir(), "iac-journal-")), "none.jsonl");
    expect(new ImportJournal(file).done().size).toBe(0);
    writeFileSync(file, "");
    expect(new ImportJournal(file).entries()).toEqual([]);
  });

  it("shows progress with a rate and an ETA from this run's bytes", () => {
    expect(formatProgress({ doneFiles: 120, totalFiles: 400, doneBytes: 3 * 1024 ** 3, totalBytes: 4 * 1024 ** 3, bytesThisRun: 600 * 1024 ** 2, secondsThisRun: 60 })).toBe(
      "120/400 files, 3.0 GiB/4.0 GiB, 10.0 MiB/s, ETA 1 min 42 s",
    );
    expect(formatProgress({ doneFiles: 0, totalFiles: 2, doneBytes: 0, totalBytes: 10, bytesThisRun: 0, secondsThisRun: 0 })).toBe("0/2 files, 0 B/10 B, 0 B/s, ETA unknown");
  });
});
