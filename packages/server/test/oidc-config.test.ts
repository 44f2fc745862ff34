import { describe, expect, it } from 'vitest';
import { localPasswordsFromEnv, oidcConfigFromEnv } from '../src/capabilities/identity/oidc-config';
import { claimValues, nameFromClaims } from '../src/capabilities/identity/oidc-accounts';
import { createOidcClient } from '../src/capabilities/identity/oidc-client';
import { safeReturnTo } from '../src/capabilities/identity/oidc-sign-in';
import { callbackUrl } from '../src/capabilities/identity/oidc-routes';
import { AppError } from '../src/platform/errors/app-error';

const base = { DAYONE_OIDC_ISSUER: 'https://login.example.com/realms/staff', DAYONE_OIDC_CLIENT_ID: 'dayone' };

describe('company sign-in configuration', () => {
  it('is off without an issuer and reads every variable with it', () => {
    expect(oidcConfigFromEnv({})).toBeUndefined();
    expect(oidcConfigFromEnv(base)).toEqual({ issuer: base.DAYONE_OIDC_ISSUER, clientId: 'dayone', clientSecret: undefined, name: 'login.example.com', scopes: 'openid email profile', teamsClaim: undefined });
    expect(
      oidcConfigFromEnv({ ...base, DAYONE_OIDC_CLIENT_SECRET: 's3cret', DAYONE_OIDC_NAME: 'Okta', DAYONE_OIDC_SCOPES: 'openid email groups', DAYONE_OIDC_TEAMS_CLAIM: 'groups' }),
    ).toMatchObject({ clientSecret: 's3cret', name: 'Okta', scopes: 'openid email groups', teamsClaim: 'groups' });
  });

  it('refuses what cannot work, naming the variable', () => {
    expect(() => oidcConfigFromEnv({ DAYONE_OIDC_ISSUER: 'login.example.com', DAYONE_OIDC_CLIENT_ID: 'x' })).toThrow(/DAYONE_OIDC_ISSUER must be a URL/);
    expect(() => oidcConfigFromEnv({ DAYONE_OIDC_ISSUER: 'http://login.example.com', DAYONE_OIDC_CLIENT_ID: 'x' })).toThrow(/https:\/\//);
    expect(oidcConfigFromEnv({ DAYONE_OIDC_ISSUER: 'http://127.0.0.1:9000', DAYONE_OIDC_CLIENT_ID: 'x' })?.issuer).toBe('http://127.0.0.1:9000');
    expect(() => oidcConfigFromEnv({ DAYONE_OIDC_ISSUER: base.DAYONE_OIDC_ISSUER })).toThrow(/DAYONE_OIDC_CLIENT_ID is required/);
    expect(() => oidcConfigFromEnv({ ...base, DAYONE_OIDC_SCOPES: 'email profile' })).toThrow(/must include "openid"/);
  });

  it('turns passwords off only when company sign-in is there to replace them', () => {
    const oidc = oidcConfigFromEnv(base);
    expect(localPasswordsFromEnv({}, undefined)).toBe(true);
    expect(localPasswordsFromEnv({ DAYONE_LOCAL_PASSWORDS: 'off' }, oidc)).toBe(false);
    expect(localPasswordsFromEnv({ DAYONE_LOCAL_PASSWORDS: 'ON' }, oidc)).toBe(true);
    expect(() => localPasswordsFromEnv({ DAYONE_LOCAL_PASSWORDS: 'off' }, undefined)).toThrow(/needs company sign-in/);
    expect(() => localPasswordsFromEnv({ DAYONE_LOCAL_PASSWORDS: 'no' }, oidc)).toThrow(/"on" or "off"/);
  });
});

describe('claims to a person', () => {
  const claims = (extra: Record<string, unknown>) => ({ iss: 'https://idp', sub: 'abc-123', ...extra });

  it('makes a valid user name from the preferred username, the email, the name or the subject', () => {
    expect(nameFromClaims(claims({ preferred_username: 'ada.lovelace@example.com', email: 'x@example.com' }))).toBe('ada.lovelace');
    expect(nameFromClaims(claims({ email: 'grace--hopper@example.com' }))).toBe('grace-hopper');
    expect(nameFromClaims(claims({ name: 'José  Pérez' }))).toBe('Jose-Perez');
    expect(nameFromClaims(claims({}))).toBe('abc-123');
    expect(nameFromClaims(claims({ preferred_username: '__' }))).toBe('person');
    expect(nameFromClaims(claims({ preferred_username: 'a'.repeat(80) }))).toHaveLength(55);
  });

  it('reads team names from a list or a single string, and ignores anything else', () => {
    expect(claimValues(['payments', 7, 'search'])).toEqual(['payments', 'search']);
    expect(claimValues('payments')).toEqual(['payments']);
    expect(claimValues({ payments: true })).toEqual([]);
    expect(claimValues(undefined)).toEqual([]);
  });

  it('returns only to paths on this site', () => {
    expect(safeReturnTo('/teams/payments?tab=members')).toBe('/teams/payments?tab=members');
    for (const bad of [undefined, '', 'https://evil.example/', '//evil.example/', '/\\evil.example', 'teams']) expect(safeReturnTo(bad)).toBe('/');
  });
});

describe('the redirect URI', () => {
  const req = { protocol: 'http', host: 'dayone.internal:8080' } as Parameters<typeof callbackUrl>[0];
  it('is DAYONE_PUBLIC_URL (keeping any path) plus the callback path, or else built from the request', () => {
    expect(callbackUrl(req, 'https://dayone.example.com')).toBe('https://dayone.example.com/api/v1/auth/oidc/callback');
    expect(callbackUrl(req, 'https://example.com/dayone/')).toBe('https://example.com/dayone/api/v1/auth/oidc/callback');
    expect(callbackUrl(req, undefined)).toBe('http://dayone.internal:8080/api/v1/auth/oidc/callback');
  });
});

describe('an unreachable identity provider', () => {
  it('answers 503 with the issuer named, and tries discovery again next time', async () => {
    // Port 9 (discard) on loopback: nothing listens there in the test environment.
    const client = createOidcClient({ issuer: 'http://127.0.0.1:9', clientId: 'x', name: 'x', scopes: 'openid' }, Date.now);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await client.authorizationUrl('http://dayone.test/cb').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('UNAVAILABLE');
      expect((error as AppError).detail).toContain('http://127.0.0.1:9');
    }
  });
});
