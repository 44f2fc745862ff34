import type { CreatedWebhook } from '@dayone/contracts';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { WebhookCreateForm } from './webhook-create-form';
import { WebhookSecret } from './webhook-secret';
import { fetchWebhooks, webhookKeys } from './webhooks-api';

/** The webhooks of the signed-in person's teams (every webhook, for admins), and a form to add one. */
export function WebhooksPage() {
  const { person } = useSession();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const { query: webhooks, items } = useCursorPages([...webhookKeys.all, 'pages'], fetchWebhooks);
  return (
    <Stack>
      <PageHeader title="Webhooks" description="Tell other systems (your chat, your pipelines) the moment something happens, such as an andon cord being pulled." />
      {created && <WebhookSecret webhook={created} onDismiss={() => setCreated(null)} />}
      <WebhookCreateForm isAdmin={person.role === 'admin'} onCreated={setCreated} />
      <ProblemAlert error={webhooks.error} />
      {webhooks.isSuccess && items.length === 0 ? (
        <Text c="dimmed">No webhooks yet for your teams.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Webhooks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Team</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Registered</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((webhook) => (
                <Table.Tr key={webhook.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/webhooks/${webhook.id}`}>
                      {webhook.url}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{webhook.team ?? <Text c="dimmed">Organisation</Text>}</Table.Td>
                  <Table.Td>{webhook.events.join(', ')}</Table.Td>
                  <Table.Td>{webhook.format}</Table.Td>
                  <Table.Td>{webhook.active ? <Badge color="teal">Active</Badge> : <Badge color="gray">Off</Badge>}</Table.Td>
                  <Table.Td>{formatDateTime(webhook.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={webhooks.hasNextPage} loading={webhooks.isFetchingNextPage} onLoadMore={() => void webhooks.fetchNextPage()} />
    </Stack>
  );
}
