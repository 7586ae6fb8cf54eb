/**
 * Authelia's template filter for the two forms immich-iac emits, so tests can validate the configuration
 * exactly as Authelia reads it: `{{ secret "P" | mindent N "|" | msquote }}` and `{{ secret "P" | msquote }}`.
 * `secret` reads the file without its trailing newline; `mindent` turns multi-line text into a block scalar
 * indented N spaces; `msquote` single-quotes single-line text.
 */
export function applySecretTemplates(text: string, files: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{ secret "([^"]+)"((?: \| (?:mindent \d+ "\|"|msquote))*) \}\}/g, (_m, path: string, pipes: string) => {
    const content = files[path];
    if (content === undefined) throw new Error(`template reads ${path}, which the test did not provide`);
    let value = content.replace(/\n+$/, "");
    for (const [, step] of pipes.matchAll(/ \| (mindent \d+ "\|"|msquote)/g)) {
      const mindent = /^mindent (\d+) "\|"$/.exec(step!);
      if (mindent) {
        if (value.includes("\n")) value = `|\n${value.split("\n").map((l) => " ".repeat(Number(mindent[1])) + l).join("\n")}`;
      } else if (step === "msquote") {
        if (!value.includes("\n")) value = `'${value.replace(/'/g, "''")}'`;
      } else throw new Error(`unsupported template step: ${step}`);
    }
    return value;
  });
}
