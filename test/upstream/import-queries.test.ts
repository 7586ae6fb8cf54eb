import { execa } from "execa";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { PROMETHEUS_QUERIES } from "../../src/libraries/import-pressure.js";
import { upstreamRoot } from "./trixie-root.js";

/**
 * The import's readings from Prometheus (monitoring on), evaluated by the real promtool (`promtool test rules`)
 * over series shaped as node exporter (pressure and hwmon collectors) and the SMART exporter expose them: each
 * query, as a recording rule, gives the number `immich-iac import` compares with its threshold.
 */
const promtool = upstreamRoot("/usr/bin/promtool");

describe.skipIf(!promtool.root)(`import pressure queries, evaluated by the real promtool${promtool.root ? "" : ` (skipped: ${promtool.reason})`}`, () => {
  const dir = promtool.root ? mkdtempSync(join(promtool.root, "tmp", "immich-iac-import-")) : "";
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("I/O stall as a percentage, the hottest SMART drive and the hottest CPU sensor (other chips ignored)", async () => {
    const rules = { groups: [{ name: "import", rules: Object.entries(PROMETHEUS_QUERIES).map(([k, expr]) => ({ record: `import:${k}`, expr })) }] };
    writeFileSync(join(dir, "rules.yaml"), stringify(rules));
    const test = {
      rule_files: ["rules.yaml"],
      evaluation_interval: "15s",
      tests: [
        {
          interval: "15s",
          input_series: [
            // 0.3 s of stall per second: 30 %.
            { series: 'node_pressure_io_waiting_seconds_total{instance="host"}', values: "0+4.5x10" },
            { series: 'smartctl_device_temperature{device="sda",temperature_type="current"}', values: "41x10" },
            { series: 'smartctl_device_temperature{device="sdb",temperature_type="current"}', values: "53x10" },
            { series: 'smartctl_device_temperature{device="sdb",temperature_type="drive_trip"}', values: "85x10" },
            // AMD's k10temp by its device path, named in node_hwmon_chip_names; an ACPI zone reading 99 is no CPU.
            { series: 'node_hwmon_temp_celsius{chip="pci0000:00_0000:00_18_3",sensor="temp1"}', values: "77x10" },
            { series: 'node_hwmon_chip_names{chip="pci0000:00_0000:00_18_3",chip_name="k10temp"}', values: "1x10" },
            { series: 'node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"}', values: "66x10" },
            { series: 'node_hwmon_chip_names{chip="platform_coretemp_0",chip_name="coretemp"}', values: "1x10" },
            { series: 'node_hwmon_temp_celsius{chip="thermal_thermal_zone0",sensor="temp0"}', values: "99x10" },
            { series: 'node_hwmon_chip_names{chip="thermal_thermal_zone0",chip_name="acpitz"}', values: "1x10" },
          ],
          promql_expr_test: [
            { expr: "import:ioSomeAvg10", eval_time: "2m", exp_samples: [{ labels: "import:ioSomeAvg10", value: 30 }] },
            { expr: "import:driveTempC", eval_time: "2m", exp_samples: [{ labels: "import:driveTempC", value: 53 }] },
            { expr: "import:cpuTempC", eval_time: "2m", exp_samples: [{ labels: "import:cpuTempC", value: 77 }] },
          ],
        },
      ],
    };
    writeFileSync(join(dir, "test.yaml"), stringify(test));
    const r = await execa("chroot", [promtool.root!, "sh", "-c", `cd /tmp/${basename(dir)} && promtool test rules test.yaml`], { reject: false, all: true });
    expect(r.all).toContain("SUCCESS");
    expect(r.exitCode, r.all).toBe(0);
  });
});
