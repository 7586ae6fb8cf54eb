import { hardwareProfileJsonSchemaText } from "../../profile/json-schema.js";
import { EXIT_OK, type CliIo } from "../io.js";

export function schemaCommand(io: CliIo): number {
  io.out(hardwareProfileJsonSchemaText());
  return EXIT_OK;
}
