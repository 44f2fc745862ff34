import { Alert, Button, Stack, Text } from '@mantine/core';
import { CopyValue } from '../../ui/copy-value';
import type { CreatedToken } from './tokens-api';

/** The new token's secret, shown this one time only. */
export function TokenSecret({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
  return (
    <Alert color="teal" title={`Token "${token.name}" created`}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Copy it now: this token will not be shown again.
        </Text>
        <CopyValue value={token.token} label="token" />
        <Text size="sm">Send it as the header: Authorization: Bearer &lt;token&gt;</Text>
        <div>
          <Button size="xs" variant="default" onClick={onDismiss}>
            I have stored it
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
