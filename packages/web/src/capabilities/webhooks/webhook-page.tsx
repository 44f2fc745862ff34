import type { Webhook } from '@dayone/contracts';
import { Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../ui/confirm-button';
import { Fact } from '../../ui/fact';
import { formatDateTime } from '../../ui/format-date';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookEventsInput } from './webhook-events-input';
import { deleteWebhook, fetchWebhook, patchWebhook, webhookKeys } from './webhooks-api';

/** One webhook: what it gets, switching it on or off, its delivery log, and removing it. */
export function WebhookPage() {
  const { id = '' } = useParams();
  const webhook = useQuery({ queryKey: webhookKeys.one(id), queryFn: () => fetchWebhook(id) });
  return <QueryState query={webhook}>{(data) => <WebhookDetail webhook={data} />}</QueryState>;
}

function WebhookDetail({ webhook }: { webhook: Webhook }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [events, setEvents] = useState(webhook.events);
  useEffect(() => setEvents(webhook.events), [webhook.events]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  const update = useMutation({ mutationFn: (body: Parameters<typeof patchWebhook>[1]) => patchWebhook(webhook, body), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteWebhook(webhook), onSuccess: async () => { await refresh(); void navigate('/webhooks'); } });
  const eventsChanged = events.join() !== webhook.events.join();
  return (
    <Stack>
      <PageHeader
        title={webhook.url}
        description={webhook.description || undefined}
        actions={
          <ConfirmButton label="Delete webhook" title="Delete this webhook?" message="It stops getting notices at once, and its delivery log goes with it." confirmLabel="Yes, delete it" onConfirm={() => remove.mutateAsync()}>
            Delete
          </ConfirmButton>
        }
      />
      <ProblemAlert error={update.error ?? remove.error} title="The webhook was not changed" />
      <Paper withBorder p="md">
        <Stack>
          <Stack gap={4}>
            <Fact label="Team">{webhook.team ?? 'Organisation-wide'}</Fact>
            <Fact label="Format">{webhook.format}</Fact>
            <Fact label="Registered">
              {formatDateTime(webhook.createdAt)} by {webhook.createdBy}
            </Fact>
          </Stack>
          <Switch label="Active: send new notices" checked={webhook.active} disabled={update.isPending} onChange={(e) => update.mutate({ active: e.currentTarget.checked })} />
          <Group align="flex-end">
            <WebhookEventsInput value={events} onChange={setEvents} />
            <Button disabled={!eventsChanged || events.length === 0} loading={update.isPending} onClick={() => update.mutate({ events: events as never })}>
              Save events
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            The signing secret was shown once, when the webhook was registered. To get a new one, delete the webhook and register it again.
          </Text>
        </Stack>
      </Paper>
      <WebhookDeliveries webhookId={webhook.id} />
    </Stack>
  );
}
