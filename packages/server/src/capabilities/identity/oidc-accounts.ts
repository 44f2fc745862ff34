import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';
import { newId, nowIso } from '../../platform/ids';
import { isTeamMember } from '../teams/team-membership';
import type { OidcClaims } from './oidc-client';
import type { PeopleStore, PersonRow } from './people-store';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** A user name (letters and digits separated by single -, _ or .) made from what the claims offer. */
export function nameFromClaims(claims: OidcClaims): string {
  const source = text(claims.preferred_username)?.split('@')[0] ?? text(claims.email)?.split('@')[0] ?? text(claims.name) ?? claims.sub;
  const slug = source
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 55)
    .replace(/[-_.]+$/, '');
  return slug || 'person';
}

const displayNameFromClaims = (claims: OidcClaims, name: string): string =>
  (text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || undefined) ?? text(claims.preferred_username) ?? name).slice(0, 200);

/** The team names a claim carries: a list of strings, or one string. */
export function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Who signs in: the person an (issuer, subject) pair already is; otherwise the person with the same
 *  email when the provider vouches for it (email_verified); otherwise a new person (the instance's
 *  first becomes its admin). Every change is audited in the caller's transaction. */
export function createOidcAccounts(deps: { people: PeopleStore; audit: AuditLog; teamsClaim?: string }) {
  const { people, audit } = deps;

  async function uniqueName(trx: Db, wanted: string): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? wanted : `${wanted}-${n}`;
      if (!(await people.byName(candidate, trx))) return candidate;
    }
  }

  async function createPerson(trx: Db, claims: OidcClaims, email: string | undefined): Promise<PersonRow> {
    const name = await uniqueName(trx, nameFromClaims(claims));
    const now = nowIso();
    const row: PersonRow = {
      id: newId(),
      name,
      email: email ?? null,
      display_name: displayNameFromClaims(claims, name),
      role: (await people.countHumans(trx)) === 0 ? 'admin' : 'member',
      kind: 'person',
      password_hash: null,
      created_at: now,
      updated_at: now,
    };
    await people.insert(trx, row);
    const { password_hash: _omit, ...after } = row;
    await audit.record(trx, { id: row.id, name: row.name }, { action: 'person.created', entityType: 'person', entityId: row.id, after: { ...after, via: 'oidc' } });
    return row;
  }

  async function personFor(trx: Db, claims: OidcClaims): Promise<PersonRow> {
    const linked = await trx.selectFrom('external_identities').select('person_id').where('issuer', '=', claims.iss).where('subject', '=', claims.sub).executeTakeFirst();
    if (linked) {
      await trx.updateTable('external_identities').set({ last_sign_in_at: nowIso() }).where('issuer', '=', claims.iss).where('subject', '=', claims.sub).execute();
      return (await people.byId(linked.person_id, trx))!;
    }
    const email = text(claims.email)?.toLowerCase();
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    const existing = email ? await people.byEmail(email, trx) : undefined;
    if (existing && !verified) {
      throw new AppError('PERSON_EMAIL_TAKEN', `${email} already has an account, and the identity provider does not say the email is verified, so the two cannot be joined. Ask an admin.`);
    }
    if (existing) {
      const other = await trx.selectFrom('external_identities').select('subject').where('issuer', '=', claims.iss).where('person_id', '=', existing.id).executeTakeFirst();
      if (other) throw new AppError('OIDC_SIGN_IN_FAILED', `${email} belongs to a person who signs in as another account of this identity provider.`);
    }
    const row = existing ?? (await createPerson(trx, claims, email));
    const now = nowIso();
    await trx.insertInto('external_identities').values({ issuer: claims.iss, subject: claims.sub, person_id: row.id, email: email ?? null, created_at: now, last_sign_in_at: now }).execute();
    await audit.record(trx, { id: row.id, name: row.name }, { action: 'person.identity_linked', entityType: 'person', entityId: row.id, after: { issuer: claims.iss, subject: claims.sub, email: email ?? null } });
    return row;
  }

  /** Adds the person to every existing team the teams claim names; never removes. Returns how many. */
  async function joinClaimedTeams(trx: Db, person: PersonRow, claims: OidcClaims): Promise<number> {
    if (!deps.teamsClaim) return 0;
    let added = 0;
    for (const value of new Set(claimValues(claims[deps.teamsClaim]).map((v) => v.toLowerCase()))) {
      const team = await trx.selectFrom('teams').select(['id', 'name']).where(sql<string>`lower(name)`, '=', value).executeTakeFirst();
      if (!team || (await isTeamMember(trx, person.id, team.name))) continue;
      await trx.insertInto('team_members').values({ team_id: team.id, person_id: person.id, added_at: nowIso() }).execute();
      await audit.record(trx, { id: person.id, name: person.name }, {
        action: 'team.member_added',
        entityType: 'team',
        entityId: team.id,
        after: { team: team.name, person: person.name, via: `oidc claim ${deps.teamsClaim}` },
      });
      added++;
    }
    return added;
  }

  return {
    /** The person these verified claims are, with the teams the claim names joined. */
    async resolve(trx: Db, claims: OidcClaims): Promise<{ person: PersonRow; teamsJoined: number }> {
      const person = await personFor(trx, claims);
      return { person, teamsJoined: await joinClaimedTeams(trx, person, claims) };
    },
  };
}
export type OidcAccounts = ReturnType<typeof createOidcAccounts>;
