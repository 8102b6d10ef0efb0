// The backup file (docs/decisions/017): NDJSON, one BackupLine a line — header, table pages in
// restore order, members, end. The end line carries the SHA-256 of every line before it: that
// digest is the backup's id, and a file cut short, edited or appended to does not read.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine } from '../../shared/schemas/backup';

export type HeaderLine = Extract<BackupLine, { type: 'header' }>;
export type EndLine = Extract<BackupLine, { type: 'end' }>;

/** Writes to `<file>.partial` and renames it at close: a backup that crashed leaves no file that looks whole. */
export class BackupWriter {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  lines = 0;
  constructor(readonly file: string) {
    this.fd = openSync(`${file}.partial`, 'w');
  }
  write(line: Exclude<BackupLine, { type: 'end' }>): void {
    const text = `${JSON.stringify(line)}\n`;
    this.hash.update(text);
    writeSync(this.fd, text);
    this.lines += 1;
  }
  /** Writes the end line (its digest and line count filled in) and renames the file; answers the backup id. */
  finish(end: Omit<EndLine, 'type' | 'lines' | 'sha256'>): string {
    const sha256 = this.hash.digest('hex');
    writeSync(this.fd, `${JSON.stringify({ type: 'end', lines: this.lines, ...end, sha256 } satisfies EndLine)}\n`);
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(`${this.file}.partial`, this.file);
    return sha256;
  }
  abandon(): void {
    closeSync(this.fd);
    rmSync(`${this.file}.partial`, { force: true });
  }
}

/** The file's lines, parsed, one at a time (a chain's file need not fit in memory). */
export async function* readLines(file: string): AsyncGenerator<{ text: string; line: BackupLine }> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n += 1;
    if (text === '') continue;
    try {
      yield { text, line: JSON.parse(text) as BackupLine };
    } catch {
      throw new Error(`${file}: line ${n} is not JSON`);
    }
  }
}

/**
 * Reads the whole file once and checks it: a header of this format and version first, an end line
 * last, and the end line's line count and SHA-256 those of the lines before it.
 */
export async function checkFile(file: string): Promise<{ header: HeaderLine; end: EndLine; backupId: string }> {
  const hash = createHash('sha256');
  let header: HeaderLine | null = null;
  let end: EndLine | null = null;
  let lines = 0;
  for await (const { text, line } of readLines(file)) {
    if (end) throw new Error(`${file}: lines after the end line`);
    if (line.type === 'end') {
      end = line;
      continue;
    }
    if (lines === 0 && line.type !== 'header') throw new Error(`${file}: the first line is not the header`);
    if (line.type === 'header') header = line;
    hash.update(`${text}\n`);
    lines += 1;
  }
  if (!header || header.format !== BACKUP_FORMAT) throw new Error(`${file}: not a ${BACKUP_FORMAT} file`);
  if (header.version !== BACKUP_VERSION) throw new Error(`${file}: format version ${header.version}; this script reads ${BACKUP_VERSION}`);
  if (!end) throw new Error(`${file}: no end line — the backup was cut short`);
  const digest = hash.digest('hex');
  if (end.lines !== lines || end.sha256 !== digest) throw new Error(`${file}: the digest or line count does not match the end line — the file was changed or is incomplete`);
  return { header, end, backupId: digest };
}
