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

/** People, accounts, sessions, API tokens, instance settings and invitations. */
export function createIdentity(deps: { db: Db; audit: AuditLog; credentials: Credentials; secureCookies: boolean; clock?: () => Date }) {
  const people = createPeopleStore(deps.db);
  const settings = createSettingsService(deps.db, deps.audit);
  const tokens = createTokenService(deps.db, deps.credentials, deps.audit, deps.clock);
  const auth = createAuthService({ db: deps.db, people, credentials: deps.credentials, audit: deps.audit, throttle: createSignInThrottle(), settings });
  return {
    people,
    tokens,
    auth,
    routes(app: FastifyInstance) {
      authRoutes(app, { auth, people, settings, secureCookies: deps.secureCookies });
      peopleRoutes(app, people);
      tokenRoutes(app, tokens);
      settingsRoutes(app, settings);
    },
  };
}
