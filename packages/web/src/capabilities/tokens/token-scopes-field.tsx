import { Checkbox, Stack, Text } from '@mantine/core';
import { tokenScopes, type TokenScope } from '@dayone/contracts';

/** What each scope lets a token do, in the words a person picking them needs. */
export const scopeDescriptions: Record<TokenScope, string> = {
  read: 'Read everything you can read',
  write: 'Change everything you can change',
  'andon:pull': 'Pull the andon cord, nothing else',
  'gates:read': 'Check deploy gates and follow their stream, nothing else',
  'events:write': 'Send experiment events, nothing else',
  admin: 'Admin pages: audit log, settings, invitations (admins only)',
};

/** Checkboxes for a token's scopes; `admin` is offered to admins only. */
export function TokenScopesField({ value, onChange, isAdmin, error }: { value: TokenScope[]; onChange: (scopes: TokenScope[]) => void; isAdmin: boolean; error?: string }) {
  const offered = tokenScopes.filter((s) => s !== 'admin' || isAdmin);
  return (
    <Checkbox.Group label="Scopes" description="A pipeline usually needs only gates:read and events:write" value={value} onChange={(v) => onChange(v as TokenScope[])} error={error} required>
      <Stack gap={6} mt="xs">
        {offered.map((scope) => (
          <Checkbox
            key={scope}
            value={scope}
            label={
              <Text size="sm" component="span">
                <Text span ff="monospace" size="sm">
                  {scope}
                </Text>{' '}
                — {scopeDescriptions[scope]}
              </Text>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
