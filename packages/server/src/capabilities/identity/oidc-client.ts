import * as client from 'openid-client';
import { AppError } from '../../platform/errors/app-error';
import { isLoopback, type OidcConfig } from './oidc-config';

/** What the app keeps between sending someone to the provider and their return. */
export interface AuthorizationRequest {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** The ID token's claims, completed by the UserInfo answer when the provider has one. */
export type OidcClaims = Record<string, unknown> & { iss: string; sub: string };

const refused = (why: string) => new AppError('OIDC_SIGN_IN_FAILED', `The identity provider's answer was refused: ${why}`);

/** openid-client's message names the kind of check; its cause names the claim or parameter. */
const reason = (error: Error): string => (error.cause instanceof Error && error.cause.message !== error.message ? `${error.message} (${error.cause.message})` : error.message);

/** Network trouble reaching the provider, as opposed to an answer that fails a check. */
const unreachable = (error: unknown): boolean =>
  (error instanceof TypeError && /fetch failed/i.test(error.message)) || (error instanceof Error && error.name === 'TimeoutError') || (error instanceof client.ClientError && error.code === 'OAUTH_TIMEOUT');

/** openid-client over one configured provider: discovery (once, retried after a failure), the
 *  authorization URL with PKCE (S256), state and nonce, and the code exchange whose ID token is checked
 *  for signature (against the provider's published keys), issuer, audience, expiry and nonce. `now` is the clock the expiry is judged by. */
export function createOidcClient(config: OidcConfig, now: () => number) {
  let discovered: Promise<client.Configuration> | undefined;

  async function discover(): Promise<client.Configuration> {
    const issuer = new URL(config.issuer);
    const auth = config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None();
    const metadata = { [client.clockSkew]: Math.round((now() - Date.now()) / 1000) };
    return client.discovery(issuer, config.clientId, metadata, auth, {
      // The ID token comes straight from the token endpoint, which the spec lets a client trust on TLS alone;
      // its signature is checked against the provider's keys all the same.
      execute: [client.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [])],
      timeout: 10,
    });
  }

  function configuration(): Promise<client.Configuration> {
    discovered ??= discover().catch((error: unknown) => {
      discovered = undefined;
      throw new AppError('UNAVAILABLE', `The identity provider at ${config.issuer} could not be reached or described itself wrongly: ${(error as Error).message}`);
    });
    return discovered;
  }

  return {
    async authorizationUrl(redirectUri: string): Promise<{ url: URL; request: AuthorizationRequest }> {
      const provider = await configuration();
      const request = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), redirectUri };
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: redirectUri,
        scope: config.scopes,
        state: request.state,
        nonce: request.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, request };
    },

    /** Checks the provider's redirect back (`callbackUrl`), exchanges the code and returns the claims. */
    async finish(callbackUrl: URL, request: AuthorizationRequest): Promise<OidcClaims> {
      const provider = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
          pkceCodeVerifier: request.codeVerifier,
          expectedState: request.state,
          expectedNonce: request.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims()!;
        const userInfo = provider.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub) : {};
        return { ...userInfo, ...idClaims } as OidcClaims;
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (unreachable(error)) throw new AppError('UNAVAILABLE', `The identity provider at ${config.issuer} did not answer: ${(error as Error).message}`);
        if (error instanceof client.AuthorizationResponseError) throw refused(`${error.error}${error.error_description ? ` (${error.error_description})` : ''}`);
        throw refused(reason(error as Error));
      }
    },
  };
}
export type OidcClient = ReturnType<typeof createOidcClient>;
