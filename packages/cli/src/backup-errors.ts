import { UsageError, withNote } from './cli-errors';

/** Runs a backup or restore: a refusal keeps its message (exit 1) with a note that nothing was written;
 *  an unreachable database becomes exit 2 with a hint. */
export async function backupErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const name = (error as Error | null)?.name;
    if (name === 'BackupRefusal') throw withNote(error, 'note: nothing was written.');
    if (name === 'DatabaseUnreachable') throw withNote(new UsageError((error as Error).message), 'hint: check DAYONE_DATABASE_URL (or --database-url) and that PostgreSQL is running.');
    throw error;
  }
}
