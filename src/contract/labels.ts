/**
 * Label contract relied on by operations tooling and the plan report (DESIGN.md). Never rename.
 * Lives in src/ so the plan report can read it without depending on the constructs.
 */
export const LABEL_COMPONENT = "io.immich-iac.component";
export const LABEL_DEPLOYMENT = "io.immich-iac.deployment";
export const LABEL_DATA = "io.immich-iac.data";
