import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database';
import type { AuditLog } from '../../platform/audit/audit-log';
import type { Credentials } from '../../platform/auth/credentials';
import { createAuthService } from './auth-service';
import { createPeopleStore } from './people-store';
import { createSettingsService } from './settings-service';
import { createSignInThrottle } from './sign-in-throttle';
import { createTokenService } from './token-service';
import { authRoutes } from './auth-routes';
import { peopleRoutes } from './people-routes';
import { settingsRoutes } from './settings-routes';
import { tokenRoutes } from './token-routes';
import type { OidcConfig } from './oidc-config';
import { createOidcSignIn } from './oidc-sign-in';
import { oidcRoutes } from './oidc-routes';

/** Company sign-in and whether passwords are allowed; both optional (passwords on, company sign-in off). */
export interface SignInOptions {
  oidc?: OidcConfig;
  localPasswords?: boolean;
  /** DAYONE_PUBLIC_URL: the base of the redirect URI registered at the identity provider. */
  publicUrl?: string;
  /** Told when a company sign-in added someone to teams. */
  teamsChanged?: () => Promise<void>;
}

/** People, accounts, sessions, API tokens, instance settings and invitations. */
export function createIdentity(deps: { db: Db; audit: AuditLog; credentials: Credentials; secureCookies: boolean; clock?: () => Date } & SignInOptions) {
  const people = createPeopleStore(deps.db);
  const settings = createSettingsService(deps.db, deps.audit);
  const tokens = createTokenService(deps.db, deps.credentials, deps.audit, deps.clock);
  const localPasswords = deps.localPasswords ?? true;
  const auth = createAuthService({ db: deps.db, people, credentials: deps.credentials, audit: deps.audit, throttle: createSignInThrottle(), settings, localPasswords, companySignIn: deps.oidc?.name });
  const clock = deps.clock;
  const oidc = deps.oidc
    ? createOidcSignIn({ db: deps.db, config: deps.oidc, people, credentials: deps.credentials, audit: deps.audit, teamsChanged: deps.teamsChanged ?? (async () => {}), now: clock ? () => clock().getTime() : undefined })
    : undefined;
  return {
    people,
    tokens,
    auth,
    routes(app: FastifyInstance) {
      authRoutes(app, { auth, people, settings, secureCookies: deps.secureCookies, localPasswords, companySignIn: deps.oidc?.name });
      oidcRoutes(app, { oidc, publicUrl: deps.publicUrl, secureCookies: deps.secureCookies, needsSetup: auth.needsSetup });
      peopleRoutes(app, people);
      tokenRoutes(app, tokens);
      settingsRoutes(app, settings);
    },
  };
}
