import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupRefusal, restoreBackup, writeBackup } from '../src/platform/backup/index';
import { appliedMigrations } from '../src/platform/backup/schema-version';
import { readTableSchemas } from '../src/platform/backup/table-schema';
import { openDatabase } from '../src/platform/db/database';
import { call, createTestApp, dialects, newTestStore, signUp } from './harness';

/** Damaged and foreign files, each refused with a message that says what is wrong, before the target
 *  changes at all: no tables, no migrations. */
describe('restoring a file that is not a good backup', () => {
  let folder: string;
  let good: string[];
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dayone-refusals-'));
    const source = await createTestApp('sqlite');
    const owner = await signUp(source.app, 'root');
    await call(source.app, owner, 'POST', '/api/v1/teams', { name: 'payments' });
    await writeBackup(source.database, join(folder, 'good.gz'));
    await source.close();
    good = gunzipSync(readFileSync(join(folder, 'good.gz'))).toString('utf8').trimEnd().split('\n');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const variant = (name: string, lines: string[]) => {
    const file = join(folder, name);
    writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
    return file;
  };
  const header = () => JSON.parse(good[0]) as Record<string, unknown>;
  const rowIndex = () => good.findIndex((line) => line.startsWith('['));
  /** The row at line i with a number where its table says a text column is. */
  const withNumberForText = (i: number): unknown[] => {
    const table = JSON.parse(good.slice(0, i).reverse().find((line) => line.includes('"type":"table"'))!) as { columns: { type: string }[] };
    const row = JSON.parse(good[i]) as unknown[];
    row[table.columns.findIndex((c) => c.type === 'text')] = 17;
    return row;
  };

  const cases: [string, () => string, string, RegExp][] = [
    ['plain text, not gzip', () => (writeFileSync(join(folder, 'text'), 'hello'), join(folder, 'text')), 'BACKUP_FILE_INVALID', /is not a Day One backup: it is not gzip-compressed data/],
    ['gzip of something else', () => variant('other.gz', ['{"hello":"world"}']), 'BACKUP_FILE_INVALID', /is not a Day One backup \(its first line is not a dayone-backup header\)/],
    ['a newer format version', () => variant('v2.gz', [JSON.stringify({ ...header(), formatVersion: 2 }), ...good.slice(1)]), 'BACKUP_VERSION_UNSUPPORTED', /backup format version 2; this version of Day One reads version 1/],
    ['a migration this version does not know', () => variant('newer.gz', [JSON.stringify({ ...header(), schemaVersion: [...(header().schemaVersion as string[]), '20991231-0001-future'] }), ...good.slice(1)]), 'BACKUP_SCHEMA_MISMATCH', /made by a newer version of Day One \(migrations 20991231-0001-future are unknown here\)/],
    ['a file cut short', () => {
      const bytes = readFileSync(join(folder, 'good.gz'));
      writeFileSync(join(folder, 'short.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      return join(folder, 'short.gz');
    }, 'BACKUP_FILE_INVALID', /is cut short/],
    ['lines missing at the end', () => variant('noend.gz', good.slice(0, -3)), 'BACKUP_FILE_INVALID', /is cut short: it stops/],
    ['a row with a value missing', () => variant('arity.gz', good.map((line, i) => (i === rowIndex() ? JSON.stringify((JSON.parse(line) as unknown[]).slice(1)) : line))), 'BACKUP_FILE_INVALID', /line \d+: a row of \w+ has \d+ values for \d+ columns/],
    ['a value of the wrong type', () => variant('type.gz', good.map((line, i) => (i === rowIndex() ? JSON.stringify(withNumberForText(i)) : line))), 'BACKUP_FILE_INVALID', /line \d+: \w+\.\w+ is not a string/],
    ['a row count that does not add up', () => variant('count.gz', good.filter((_, i) => i !== rowIndex())), 'BACKUP_FILE_INVALID', /ends after \d+ rows, but the file says \d+/],
    ['a line that is not JSON', () => variant('json.gz', good.map((line, i) => (i === rowIndex() ? `${line}}{` : line))), 'BACKUP_FILE_INVALID', /line \d+ is not JSON/],
  ];

  describe.each(dialects)('into %s', (dialect) => {
    it.each(cases)('refuses %s, naming the problem, and writes nothing', async (_name, make, code, message) => {
      const file = make();
      const store = newTestStore(dialect);
      const target = openDatabase(store);
      try {
        const refusal = await restoreBackup(target, file).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(BackupRefusal);
        expect(refusal).toMatchObject({ code });
        expect((refusal as Error).message).toMatch(message);
        expect(await readTableSchemas(target.db, dialect, store.databaseSchema)).toEqual([]);
        expect(await appliedMigrations(target.db, dialect, store.databaseSchema)).toEqual([]);
      } finally {
        await target.close();
        await store.drop();
      }
    });
  });
});
