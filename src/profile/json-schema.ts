import { z } from "zod";
import { HardwareProfileBaseSchema } from "./hardware-profile-schema.js";

/** The JSON Schema of the profile format, generated from the zod schema (cross-field rules are not expressible). */
export function hardwareProfileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(HardwareProfileBaseSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $id: "https://immich-iac.dev/schemas/immich-iac/v1/hardware-profile.json",
    title: "immich-iac HardwareProfile (immich-iac/v1)",
    description:
      "A server's hardware for immich-iac. Cross-field rules (devices per layout, role placement, flash for the database, accelerators per architecture) are checked by `immich-iac validate`.",
    ...generated,
  };
}

export function hardwareProfileJsonSchemaText(): string {
  return `${JSON.stringify(hardwareProfileJsonSchema(), null, 2)}\n`;
}
