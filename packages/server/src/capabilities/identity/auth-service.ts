import type { Person } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';
import { transactOrConflict } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Credentials } from '../../platform/auth/credentials';
import { decoyHash, hashPassword, verifyPassword } from '../../platform/auth/password';
import { AppError } from '../../platform/errors/app-error';
import { newId, nowIso } from '../../platform/ids';
import type { PeopleStore, PersonRow } from './people-store';
import type { SignInThrottle } from './sign-in-throttle';
import type { SettingsService } from './settings-service';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  displayName: string;
}

export interface SignedIn {
  person: Person;
  secret: string;
  csrfToken: string;
  expiresAt: string;
}

interface Deps {
  db: Db;
  people: PeopleStore;
  credentials: Credentials;
  audit: AuditLog;
  throttle: SignInThrottle;
  settings: SettingsService;
  /** Off: setup, sign-up and sign-in with a password are refused (DAYONE_LOCAL_PASSWORDS=off). */
  localPasswords: boolean;
  /** The company sign-in's name, to point people to it when passwords are off. */
  companySignIn?: string;
}

/** Accounts with email and password: the first account (an admin), sign-up, sign-in and sign-out. */
export function createAuthService({ db, people, credentials, audit, throttle, settings, localPasswords, companySignIn }: Deps) {
  function requirePasswords(): void {
    if (localPasswords) return;
    throw new AppError('LOCAL_PASSWORDS_OFF', `Passwords are turned off on this instance; sign in with ${companySignIn ?? 'the company identity provider'} instead.`);
  }

  async function createAccount(trx: Db, account: NewAccount, role: PersonRow['role']): Promise<PersonRow> {
    if (await people.byName(account.name, trx)) throw new AppError('PERSON_NAME_TAKEN', `The name "${account.name}" is taken; pick another.`);
    if (await people.byEmail(account.email, trx)) throw new AppError('PERSON_EMAIL_TAKEN', `${account.email} already has an account; sign in instead.`);
    const now = nowIso();
    const row: PersonRow = {
      id: newId(),
      name: account.name,
      email: account.email.toLowerCase(),
      display_name: account.displayName,
      role,
      kind: 'person',
      password_hash: await hashPassword(account.password),
      created_at: now,
      updated_at: now,
    };
    await people.insert(trx, row);
    const { password_hash: _omit, ...after } = row;
    await audit.record(trx, { id: row.id, name: row.name }, { action: 'person.created', entityType: 'person', entityId: row.id, after });
    return row;
  }

  async function signedIn(trx: Db, row: PersonRow): Promise<SignedIn> {
    const session = await credentials.createSession(trx, row.id);
    return { ...session, person: await people.present(row, trx) };
  }

  const inTransaction = <T>(work: (trx: Db) => Promise<T>): Promise<T> =>
    transactOrConflict(db, work, () => new AppError('CONFLICT', 'Someone registered the same name or email at the same moment; try again.'));

  return {
    async needsSetup(): Promise<boolean> {
      return (await people.countHumans()) === 0;
    },

    setup(account: NewAccount): Promise<SignedIn> {
      requirePasswords();
      return inTransaction(async (trx) => {
        if ((await people.countHumans(trx)) > 0) throw new AppError('SETUP_ALREADY_DONE', 'The first account exists; sign in or sign up instead.');
        return signedIn(trx, await createAccount(trx, account, 'admin'));
      });
    },

    signUp(account: NewAccount & { inviteCode?: string }): Promise<SignedIn> {
      requirePasswords();
      return inTransaction(async (trx) => {
        if ((await people.countHumans(trx)) === 0) throw new AppError('FORBIDDEN', 'Create the first account through setup.');
        const mode = (await settings.get(trx)).signupMode;
        if (mode === 'invite') await settings.consumeInvite(trx, account.inviteCode, account.email);
        return signedIn(trx, await createAccount(trx, account, 'member'));
      });
    },

    async signIn(email: string, password: string, ip: string): Promise<SignedIn> {
      requirePasswords();
      throttle.check(email, ip);
      const row = await people.byEmail(email);
      const ok = row?.password_hash ? await verifyPassword(password, row.password_hash) : (await verifyPassword(password, await decoyHash), false);
      if (!row || !ok) {
        throttle.failed(email, ip);
        throw new AppError('AUTH_INVALID_CREDENTIALS', 'The email or the password is wrong.');
      }
      throttle.succeeded(email, ip);
      return db.transaction().execute((trx) => signedIn(trx, row));
    },

    signOut: (secret: string) => credentials.deleteSession(secret),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
