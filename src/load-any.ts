import { z } from "zod";
import { loadDeploymentFile } from "./deployment/load-deployment.js";
import { loadProfileFile } from "./profile/load-profile.js";
import { parseYaml } from "./profile/load-yaml.js";
import { readInputFile } from "./profile/read-input.js";
import { InputError } from "./profile/problems.js";

/** The document kinds immich-iac reads, by their `kind:` field. */
export const DOCUMENT_KINDS = ["HardwareProfile", "Deployment"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const LOADERS: Readonly<Record<DocumentKind, (file: string) => unknown>> = {
  HardwareProfile: loadProfileFile,
  Deployment: loadDeploymentFile,
};

const KindOnly = z.looseObject({ kind: z.enum(DOCUMENT_KINDS) });

/** Loads any immich-iac document, choosing the schema by its `kind`; returns the kind. */
export function loadDocumentFile(file: string): DocumentKind {
  const text = readInputFile(file);
  let data: unknown;
  try {
    data = parseYaml(text, file, z.unknown());
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    data = undefined; // broken YAML: the profile loader reports it, located
  }
  const kind = (data as { kind?: unknown } | null | undefined)?.kind;
  // A kind we do not know is the whole story; no kind at all is left to the loader (it says "not ours").
  if (typeof kind === "string" && !(DOCUMENT_KINDS as readonly string[]).includes(kind)) parseYaml(text, file, KindOnly);
  const chosen: DocumentKind = kind === "Deployment" ? "Deployment" : "HardwareProfile";
  LOADERS[chosen](file);
  return chosen;
}
