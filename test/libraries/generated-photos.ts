import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * `n` small distinct "photos" under year folders of `dir`, plus what an import must skip: a hidden folder's file and
 * a text file. Shared by the unit import test and the real-apply one.
 */
export function generatedPhotos(dir: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `${2000 + (i % 7)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `img-${String(i).padStart(4, "0")}.jpg`), randomBytes(64 + (i % 50)));
  }
  mkdirSync(join(dir, ".thumbnails"), { recursive: true });
  writeFileSync(join(dir, ".thumbnails", "hidden.jpg"), randomBytes(10));
  writeFileSync(join(dir, "notes.txt"), "not a photo");
}
