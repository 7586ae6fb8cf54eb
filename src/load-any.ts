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
  let kind: DocumentKind;
  try {
    kind = parseYaml(text, file, KindOnly).kind;
  } catch (e) {
    // Broken YAML is best reported by the full loader; a bad `kind` is the whole story.
    if (e instanceof InputError && e.problems.every((p) => p.path === "kind")) throw e;
    kind = "HardwareProfile";
  }
  LOADERS[kind](file);
  return kind;
}
