export type BackupRefusalCode =
  /** Not a Day One backup, damaged, or cut short. */
  | 'BACKUP_FILE_INVALID'
  /** A format version this version of Day One cannot read. */
  | 'BACKUP_VERSION_UNSUPPORTED'
  /** The backup's schema and the target's migrations cannot be brought together. */
  | 'BACKUP_SCHEMA_MISMATCH'
  /** The target database already holds data. */
  | 'RESTORE_TARGET_NOT_EMPTY'
  /** There is no database to back up. */
  | 'BACKUP_SOURCE_MISSING';

/** A backup or restore that was refused before anything was written; the message says why. */
export class BackupRefusal extends Error {
  override readonly name = 'BackupRefusal';
  constructor(
    readonly code: BackupRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** The database named by the settings does not answer (wrong URL, server down, no access). */
export class DatabaseUnreachable extends Error {
  override readonly name = 'DatabaseUnreachable';
}

/** A connection string fit for a message: the password, if any, replaced by ***. */
export const redactUrl = (url: string | undefined): string => (url ?? '').replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
