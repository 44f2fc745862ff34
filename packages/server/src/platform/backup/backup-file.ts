import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { BackupRefusal } from './backup-refusal';

export interface BackupWriter {
  line(value: unknown): Promise<void>;
  lines(values: unknown[]): Promise<void>;
  /** Finishes the file and gives it its name; until then it is FILE.partial, so a failed backup never
   *  leaves a truncated file under the name asked for. */
  finish(): Promise<number>;
  abandon(): Promise<void>;
}

export function openBackupWriter(file: string): BackupWriter {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  const done = pipeline(gzip, out);
  done.catch(() => undefined); // reported by finish()
  return {
    async line(value) {
      await this.lines([value]);
    },
    async lines(values) {
      if (values.length === 0) return;
      if (!gzip.write(values.map((v) => `${JSON.stringify(v)}\n`).join(''))) await once(gzip, 'drain');
    },
    async finish() {
      gzip.end();
      await done;
      await rename(partial, file);
      return out.bytesWritten;
    },
    async abandon() {
      gzip.destroy();
      await done.catch(() => undefined);
      await rm(partial, { force: true });
    },
  };
}

export interface BackupLine {
  number: number;
  value: unknown;
}

/** The parsed lines of a backup file, one by one; a file that is not gzip, is cut short or holds a line
 *  that is not JSON ends in a BackupRefusal naming the line. */
export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  const gunzip = createGunzip();
  const reading = pipeline(createReadStream(file), gunzip);
  reading.catch(() => undefined); // the same error surfaces from iterating gunzip
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  const parse = (text: string): BackupLine => {
    number += 1;
    try {
      return { number, value: JSON.parse(text) };
    } catch {
      throw new BackupRefusal('BACKUP_FILE_INVALID', `${file} line ${number} is not JSON; the file is damaged`);
    }
  };
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield parse(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    }
    pending += decoder.end();
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupRefusal('BACKUP_FILE_INVALID', `${file} does not exist`);
    if (e.code === 'Z_DATA_ERROR') throw new BackupRefusal('BACKUP_FILE_INVALID', `${file} is not a Day One backup: it is not gzip-compressed data (${e.message})`);
    if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message)) throw new BackupRefusal('BACKUP_FILE_INVALID', `${file} is cut short after line ${number}; the file is incomplete`);
    throw new BackupRefusal('BACKUP_FILE_INVALID', `${file} cannot be read: ${e.message}`);
  } finally {
    gunzip.destroy();
  }
  if (pending !== '') yield parse(pending);
}
