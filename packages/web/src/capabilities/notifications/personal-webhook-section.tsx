import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../ui/confirm-button';
import { CopyValue } from '../../ui/copy-value';
import { fieldError } from '../../ui/field-error';
import type { NotificationChoices } from './use-notification-choices';
import type { NotificationPreferences } from './notifications-api';

type Format = NotificationPreferences['webhook']['format'];

type PersonalWebhookSectionProps = { webhook: NotificationPreferences['webhook']; choices: NotificationChoices };

/** Where the kinds chosen for the webhook are POSTed, signed with a secret of my own. */
export function PersonalWebhookSection({ webhook, choices }: PersonalWebhookSectionProps) {
  const { save, secret, dismissSecret } = choices;
  const [url, setUrl] = useState(webhook.url ?? '');
  const [format, setFormat] = useState<Format>(webhook.format);
  // A reload, or a save, shows what the server now holds.
  useEffect(() => setUrl(webhook.url ?? ''), [webhook.url]);
  useEffect(() => setFormat(webhook.format), [webhook.format]);
  const wanted = url.trim() || null;
  const changes = { ...(wanted !== webhook.url && { url: wanted }), ...(format !== webhook.format && { format }) };
  const changed = Object.keys(changes).length > 0;
  return (
    <Paper withBorder p="md">
      <Stack component="form" aria-label="Personal webhook" onSubmit={(e) => {
        e.preventDefault();
        if (changed) save.mutate({ webhook: changes });
      }}>
        <Title order={2} size="h4">
          Personal webhook
        </Title>
        <Text size="sm" c="dimmed">
          The kinds switched on under Webhook are POSTed here, each signed like a team webhook: x-dayone-signature is sha256= and the HMAC-SHA256 of the body made with your secret. Leave the URL empty to have none.
        </Text>
        <Group align="flex-start">
          <TextInput
            label="Webhook URL"
            placeholder="https://chat.example.com/hooks/me"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fieldError(save.error, 'webhook.url')}
            style={{ flex: 1 }}
            maw={560}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Format
            </Text>
            <SegmentedControl aria-label="Format" value={format} onChange={(v) => setFormat(v as Format)} data={[{ value: 'json', label: 'Signed JSON' }, { value: 'slack', label: 'Slack message' }]} />
          </Stack>
        </Group>
        {fieldError(save.error, 'webhook.newSecret') && (
          <Text size="sm" c="red">
            {fieldError(save.error, 'webhook.newSecret')}
          </Text>
        )}
        <Group>
          <Button type="submit" disabled={!changed} loading={save.isPending && !!save.variables?.webhook && !save.variables.webhook.newSecret}>
            Save webhook
          </Button>
          <ConfirmButton
            label="New signing secret"
            title="Make a new signing secret?"
            message="The old secret stops working at once: deliveries from now on are signed with the new one, so your receiver must be given it."
            confirmLabel="Yes, make a new one"
            variant="default"
            color="gray"
            disabled={!webhook.url}
            onConfirm={() => save.mutateAsync({ webhook: { newSecret: true } })}
          >
            New signing secret
          </ConfirmButton>
        </Group>
        {secret && (
          <Alert color="teal" title="New signing secret">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                Copy the signing secret now: it will not be shown again.
              </Text>
              <CopyValue value={secret} label="signing secret" />
              <div>
                <Button size="xs" variant="default" onClick={dismissSecret}>
                  I have stored it
                </Button>
              </div>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
