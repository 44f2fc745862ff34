import type { Db } from '../../platform/db/database';
import { transactOrConflict } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Credentials } from '../../platform/auth/credentials';
import { AppError } from '../../platform/errors/app-error';
import { createOidcAccounts } from './oidc-accounts';
import { createOidcClient } from './oidc-client';
import type { OidcConfig } from './oidc-config';
import { createOidcFlows, FLOW_MINUTES } from './oidc-flows';
import type { PeopleStore } from './people-store';

export interface OidcSession {
  secret: string;
  expiresAt: string;
  /** Where the web app continues: the path the person first asked for. */
  returnTo: string;
}

const refuse = (why: string) => new AppError('OIDC_SIGN_IN_FAILED', why);

/** A path on this site to return to after signing in; anything else (another site, "//host") is "/". */
export function safeReturnTo(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

interface Deps {
  db: Db;
  config: OidcConfig;
  people: PeopleStore;
  credentials: Credentials;
  audit: AuditLog;
  /** Told after a sign-in added team memberships, so cached team pages are forgotten. */
  teamsChanged: () => Promise<void>;
  now?: () => number;
}

/** Company sign-in: start (to the provider, with the flow stored) and finish (the callback: take the
 *  flow once, check the provider's answer, find or create the person, open a session). */
export function createOidcSignIn({ db, config, people, credentials, audit, teamsChanged, now = Date.now }: Deps) {
  const client = createOidcClient(config, now);
  const flows = createOidcFlows(db, now);
  const accounts = createOidcAccounts({ people, audit, teamsClaim: config.teamsClaim });

  return {
    name: config.name,

    /** The provider's authorization URL, and the secret of the stored flow for the browser's cookie. */
    async start(redirectUri: string, returnTo: string | undefined): Promise<{ location: string; flowSecret: string }> {
      const { url, request } = await client.authorizationUrl(redirectUri);
      return { location: url.href, flowSecret: await flows.save(request, safeReturnTo(returnTo)) };
    },

    /** `query` is the callback's query string as the provider sent it. */
    async finish(flowSecret: string | undefined, query: string): Promise<OidcSession> {
      if (!flowSecret) throw refuse('This browser did not start the sign-in (its sign-in cookie is missing); start again.');
      const flow = await flows.take(flowSecret);
      if (!flow) throw refuse('This sign-in is unknown or was finished already; start again.');
      if (flow.expiresAt <= new Date(now()).toISOString()) throw refuse(`This sign-in took longer than ${FLOW_MINUTES} minutes; start again.`);
      const callbackUrl = new URL(flow.redirectUri);
      callbackUrl.search = query;
      const claims = await client.finish(callbackUrl, flow);
      const conflict = () => new AppError('CONFLICT', 'Someone signed in with the same name or email at the same moment; try again.');
      const { session, teamsJoined } = await transactOrConflict(
        db,
        async (trx) => {
          const { person, teamsJoined } = await accounts.resolve(trx, claims);
          return { session: await credentials.createSession(trx, person.id), teamsJoined };
        },
        conflict,
      );
      if (teamsJoined) await teamsChanged();
      return { secret: session.secret, expiresAt: session.expiresAt, returnTo: flow.returnTo };
    },
  };
}
export type OidcSignIn = ReturnType<typeof createOidcSignIn>;
