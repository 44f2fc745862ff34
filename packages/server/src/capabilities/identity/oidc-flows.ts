import type { Db } from '../../platform/db/database';
import type { OidcFlowsTable } from '../../platform/db/schema';
import { randomSecret, sha256 } from '../../platform/ids';
import type { AuthorizationRequest } from './oidc-client';

/** How long someone may take at the provider before the sign-in must start again. */
export const FLOW_MINUTES = 10;

export interface Flow extends AuthorizationRequest {
  returnTo: string;
  expiresAt: string;
}

const toFlow = (r: OidcFlowsTable): Flow => ({
  state: r.state,
  nonce: r.nonce,
  codeVerifier: r.code_verifier,
  redirectUri: r.redirect_uri,
  returnTo: r.return_to,
  expiresAt: r.expires_at,
});

/** Sign-ins in progress, stored in the database so that whichever instance gets the callback can finish
 *  it. The browser holds the record's secret in a cookie; the table only its SHA-256. Each record is
 *  taken once: a replayed callback finds nothing. */
export function createOidcFlows(db: Db, now: () => number) {
  return {
    /** Stores a new flow, clears out the expired ones, and returns the secret for the browser's cookie. */
    async save(request: AuthorizationRequest, returnTo: string): Promise<string> {
      const secret = randomSecret();
      const created = new Date(now());
      await db.deleteFrom('oidc_flows').where('expires_at', '<=', created.toISOString()).execute();
      await db
        .insertInto('oidc_flows')
        .values({
          id_hash: sha256(secret),
          state: request.state,
          nonce: request.nonce,
          code_verifier: request.codeVerifier,
          redirect_uri: request.redirectUri,
          return_to: returnTo,
          created_at: created.toISOString(),
          expires_at: new Date(created.getTime() + FLOW_MINUTES * 60_000).toISOString(),
        })
        .execute();
      return secret;
    },

    /** Removes and returns the flow; null when it is unknown or another request took it first. */
    take(secret: string): Promise<Flow | null> {
      const hash = sha256(secret);
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('oidc_flows').selectAll().where('id_hash', '=', hash).executeTakeFirst();
        if (!row) return null;
        const deleted = await trx.deleteFrom('oidc_flows').where('id_hash', '=', hash).executeTakeFirst();
        return Number(deleted.numDeletedRows) === 1 ? toFlow(row) : null;
      });
    },
  };
}
export type OidcFlows = ReturnType<typeof createOidcFlows>;
