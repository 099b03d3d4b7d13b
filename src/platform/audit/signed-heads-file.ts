/**
 * Signed chain heads in files: one JSON line per signed head in `<folder>/<councilId>.jsonl`.
 *
 * Several Kith processes (KITH_WORKERS) sign heads of the same council, so each append opens the
 * file with O_APPEND and writes all of its lines in one `write`: the kernel puts each write at
 * the end of the file as one piece, so lines from two processes never interleave or overwrite
 * each other (on a local file system; not on NFS). Lines may be out of order between processes;
 * the verifier does not rely on their order.
 *
 * The append is synchronous on purpose: three system calls of some microseconds each, once per
 * council per sealer round, cost less than three hops through libuv's thread pool, which on a
 * busy machine took milliseconds each. It assumes a local disk, as the O_APPEND promise does.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SignedHead, SignedHeadStore, StoredSignedHead } from './signed-heads.js';

const COUNCIL_ID = /^[0-9a-f-]{36}$/;

export class FileSignedHeadStore implements SignedHeadStore {
  readonly description: string;
  private folderMade = false;

  constructor(readonly folder: string) {
    this.description = `in ${folder}`;
  }

  private fileOf(tenantId: string): string {
    // A council id is a UUID; anything else must never become part of a path.
    if (!COUNCIL_ID.test(tenantId)) throw new Error('a council id is a UUID');
    return path.join(this.folder, `${tenantId}.jsonl`);
  }

  append(heads: readonly SignedHead[]): Promise<void> {
    try {
      this.appendNow(heads);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private appendNow(heads: readonly SignedHead[]): void {
    if (heads.length === 0) return;
    const linesByFile = new Map<string, string>();
    for (const head of heads) {
      const file = this.fileOf(head.tenantId);
      linesByFile.set(file, `${linesByFile.get(file) ?? ''}${JSON.stringify(head)}\n`);
    }
    for (const [file, lines] of linesByFile) {
      const descriptor = this.openToAppend(file);
      try {
        const bytes = Buffer.from(lines, 'utf8');
        // A short write (a full disk) would leave half a line: say so rather than carry on.
        if (writeSync(descriptor, bytes) !== bytes.length) {
          throw new Error(`only part of a signed audit head was written to ${file}`);
        }
      } finally {
        closeSync(descriptor);
      }
    }
  }

  /** Opens a file to append to (O_APPEND), making the folder the first time (or if it went). */
  private openToAppend(file: string): number {
    if (this.folderMade) {
      try {
        return openSync(file, 'a', 0o600);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
    }
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    this.folderMade = true;
    return openSync(file, 'a', 0o600);
  }

  async read(tenantId: string): Promise<StoredSignedHead[]> {
    let text: string;
    try {
      text = await readFile(this.fileOf(tenantId), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => parseLine(line));
  }
}

/** A line as a signed head; lines written before the sealer signed name the position `sequence`. */
function parseLine(line: string): StoredSignedHead {
  try {
    const parsed = JSON.parse(line) as Partial<SignedHead> & { sequence?: unknown };
    const position = parsed.position ?? parsed.sequence;
    if (
      typeof parsed.tenantId !== 'string' ||
      typeof position !== 'number' ||
      typeof parsed.hash !== 'string' ||
      typeof parsed.signedAt !== 'string' ||
      typeof parsed.signature !== 'string'
    ) {
      return { unreadable: line };
    }
    return {
      tenantId: parsed.tenantId,
      position,
      hash: parsed.hash,
      signedAt: parsed.signedAt,
      signature: parsed.signature,
    };
  } catch {
    return { unreadable: line };
  }
}
