import type { CreatedWebhook } from '@dayone/contracts';
import { Box, Button, Paper, SegmentedControl, Stack, TextInput, Title, Text, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { TeamPicker } from '../teams/team-picker';
import { WebhookEventsInput } from './webhook-events-input';
import { createWebhook, webhookKeys } from './webhooks-api';

const fields = ['url', 'events', 'format', 'team', 'description'];

/** Registers a webhook for a team (or, for admins, the whole organisation); hands back the one-time secret. */
export function WebhookCreateForm({ isAdmin, onCreated }: { isAdmin: boolean; onCreated: (webhook: CreatedWebhook) => void }) {
  const [url, setUrl] = useState('');
  const [team, setTeam] = useState<string | null>(null);
  const [events, setEvents] = useState<string[]>(['andon.pulled']);
  const [format, setFormat] = useState<'json' | 'slack'>('json');
  const [description, setDescription] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createWebhook,
    onSuccess: (webhook) => {
      setUrl('');
      setDescription('');
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
      onCreated(webhook);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate({ url: url.trim(), team, events: events as never, format, ...(description.trim() ? { description: description.trim() } : {}) });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Register a webhook">
        <Stack>
          <Title order={2} size="h4">
            Register a webhook
          </Title>
          <ProblemAlert error={mutation.error} fields={fields} />
          <TextInput label="URL" description="Where Day One POSTs each notice (http or https)" required value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={fieldError(mutation.error, 'url')} />
          <Group align="flex-start">
            <Box w={280}>
              <TeamPicker
                label="Team"
                description={isAdmin ? 'Leave empty for an organisation-wide webhook' : 'Notices about this team only'}
                value={team}
                onChange={setTeam}
                error={fieldError(mutation.error, 'team')}
              />
            </Box>
            <WebhookEventsInput value={events} onChange={setEvents} error={fieldError(mutation.error, 'events')} />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              Format
            </Text>
            <SegmentedControl aria-label="Format" value={format} onChange={(v) => setFormat(v as 'json' | 'slack')} data={[{ value: 'json', label: 'Signed JSON' }, { value: 'slack', label: 'Slack message' }]} />
          </div>
          <TextInput label="Description" description="Optional note for whoever finds this later" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(mutation.error, 'description')} />
          <div>
            <Button type="submit" loading={mutation.isPending}>
              Register webhook
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
