/** Company sign-in (OpenID Connect) as the operator configures it. */
export interface OidcConfig {
  /** The provider's issuer URL (DAYONE_OIDC_ISSUER); its discovery document is read from there. */
  issuer: string;
  /** This instance's client id at the provider (DAYONE_OIDC_CLIENT_ID). */
  clientId: string;
  /** Its client secret (DAYONE_OIDC_CLIENT_SECRET); without one Day One signs in as a public client (PKCE only). */
  clientSecret?: string;
  /** The name on the sign-in button (DAYONE_OIDC_NAME); the issuer's host by default. */
  name: string;
  /** Scopes asked for (DAYONE_OIDC_SCOPES); "openid email profile" by default. */
  scopes: string;
  /** A claim whose values name teams the person joins (DAYONE_OIDC_TEAMS_CLAIM), e.g. "groups". */
  teamsClaim?: string;
}

const DEFAULT_SCOPES = 'openid email profile';

/** Reads DAYONE_OIDC_* ; company sign-in is off unless DAYONE_OIDC_ISSUER is set. */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.DAYONE_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`DAYONE_OIDC_ISSUER must be a URL, got "${issuer}"`);
  }
  if (url.protocol !== 'https:' && !isLoopback(url)) throw new Error(`DAYONE_OIDC_ISSUER must be an https:// URL (plain http only on loopback), got "${issuer}"`);
  const clientId = env.DAYONE_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('DAYONE_OIDC_CLIENT_ID is required with DAYONE_OIDC_ISSUER');
  const scopes = env.DAYONE_OIDC_SCOPES?.trim() || DEFAULT_SCOPES;
  if (!scopes.split(/\s+/).includes('openid')) throw new Error(`DAYONE_OIDC_SCOPES must include "openid", got "${scopes}"`);
  return {
    issuer,
    clientId,
    clientSecret: env.DAYONE_OIDC_CLIENT_SECRET || undefined,
    name: env.DAYONE_OIDC_NAME?.trim() || url.host,
    scopes,
    teamsClaim: env.DAYONE_OIDC_TEAMS_CLAIM?.trim() || undefined,
  };
}

/** DAYONE_LOCAL_PASSWORDS: "on" (default) or "off". */
export function localPasswordsFromEnv(env: NodeJS.ProcessEnv, oidc: OidcConfig | undefined): boolean {
  const value = (env.DAYONE_LOCAL_PASSWORDS ?? 'on').trim().toLowerCase();
  if (value !== 'on' && value !== 'off') throw new Error(`DAYONE_LOCAL_PASSWORDS must be "on" or "off", got "${env.DAYONE_LOCAL_PASSWORDS}"`);
  if (value === 'off' && !oidc) throw new Error('DAYONE_LOCAL_PASSWORDS=off needs company sign-in: set DAYONE_OIDC_ISSUER and DAYONE_OIDC_CLIENT_ID');
  return value === 'on';
}

export function isLoopback(url: URL): boolean {
  return ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}
