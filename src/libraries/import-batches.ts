import { appendFileSync, existsSync, readFileSync } from "node:fs";

/**
 * The batch import's bookkeeping, pure or file-only: batches by files and bytes, a journal that lets a stopped
 * import resume without uploading a file twice, and progress with rate and ETA.
 */
export interface ImportFile {
  readonly path: string;
  readonly bytes: number;
}

/**
 * Consecutive batches of at most `maxFiles` files and `maxBytes` bytes, in the given order; a file larger than
 * `maxBytes` is a batch of its own (it must go some time).
 */
export function planBatches(files: readonly ImportFile[], maxFiles: number, maxBytes: number): ImportFile[][] {
  if (!(maxFiles >= 1 && maxBytes >= 1)) throw new Error(`planBatches: maxFiles and maxBytes must be positive (got ${maxFiles}, ${maxBytes})`);
  const batches: ImportFile[][] = [];
  let current: ImportFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + f.bytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What one batch did, as the journal keeps it. */
export interface BatchOutcome {
  readonly files: readonly string[];
  readonly uploaded: number;
  readonly duplicates: number;
  readonly failed: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * An append-only journal (JSON lines): one line per finished batch, written after the batch. A stopped import
 * leaves at most the batch in progress unrecorded; Immich recognizes its files as duplicates (by checksum) when
 * the batch runs again, so nothing is stored twice. A torn last line (a crash mid-write) is ignored.
 */
export class ImportJournal {
  constructor(readonly file: string) {}

  entries(): BatchOutcome[] {
    if (!existsSync(this.file)) return [];
    const out: BatchOutcome[] = [];
    for (const line of readFileSync(this.file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as BatchOutcome;
        if (Array.isArray(e.files) && typeof e.uploaded === "number") out.push(e);
      } catch {
        // A torn line: that batch runs again.
      }
    }
    return out;
  }

  /** Files a finished batch handled (uploaded, duplicate or failed for good). */
  done(): Set<string> {
    return new Set(this.entries().flatMap((e) => e.files));
  }

  record(outcome: BatchOutcome): void {
    appendFileSync(this.file, `${JSON.stringify(outcome)}\n`, { mode: 0o600 });
  }

  summary(): { uploaded: number; duplicates: number; failed: { path: string; reason: string }[] } {
    const all = this.entries();
    return {
      uploaded: all.reduce((n, e) => n + e.uploaded, 0),
      duplicates: all.reduce((n, e) => n + e.duplicates, 0),
      failed: all.flatMap((e) => e.failed.map((f) => ({ ...f }))),
    };
  }
}

const units = ["B", "KiB", "MiB", "GiB", "TiB"];
export function formatBytes(n: number): string {
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

/** `120/400 files, 1.2 GiB/4.0 GiB, 12.3 MiB/s, ETA 4 min 10 s`: rate and ETA by bytes, over this run's time only. */
export function formatProgress(p: { doneFiles: number; totalFiles: number; doneBytes: number; totalBytes: number; bytesThisRun: number; secondsThisRun: number }): string {
  const rate = p.secondsThisRun > 0 ? p.bytesThisRun / p.secondsThisRun : 0;
  const left = p.totalBytes - p.doneBytes;
  const eta = rate > 0 ? `ETA ${formatDuration(left / rate)}` : "ETA unknown";
  return `${p.doneFiles}/${p.totalFiles} files, ${formatBytes(p.doneBytes)}/${formatBytes(p.totalBytes)}, ${formatBytes(rate)}/s, ${eta}`;
}
