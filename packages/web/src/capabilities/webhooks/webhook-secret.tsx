import type { CreatedWebhook } from '@dayone/contracts';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { CopyValue } from '../../ui/copy-value';

/** The signing secret of a webhook just registered, shown this one time only. */
export function WebhookSecret({ webhook, onDismiss }: { webhook: CreatedWebhook; onDismiss: () => void }) {
  return (
    <Alert color="teal" title={`Webhook for ${webhook.url} registered`}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Copy the signing secret now: it will not be shown again.
        </Text>
        <CopyValue value={webhook.secret} label="signing secret" />
        <Text size="sm">Each delivery carries x-dayone-signature, an HMAC-SHA256 of the body made with this secret.</Text>
        <div>
          <Button size="xs" variant="default" onClick={onDismiss}>
            I have stored it
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
