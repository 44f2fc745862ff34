import { Alert, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { NoticeKindsTable } from './notice-kinds-table';
import { PersonalDeliveries } from './personal-deliveries';
import { PersonalWebhookSection } from './personal-webhook-section';
import { useNotificationChoices } from './use-notification-choices';
import { WatchedList } from './watched-list';

/** Which notices reach me and how (inbox, my own webhook), and what I watch. */
export function NotificationChoicesPage() {
  const choices = useNotificationChoices();
  const { preferences, save, stale, reload } = choices;
  return (
    <Stack>
      <PageHeader
        title="Notification choices"
        description="Notices about your teams' work, and about what you watch, reach you as you choose here. Each switch is saved at once."
        actions={
          <Button component={Link} to="/inbox" variant="default">
            Back to Inbox
          </Button>
        }
      />
      <QueryState query={preferences}>
        {(prefs) => (
          <>
            {stale ? (
              <Alert color="yellow" title="Your choices were changed elsewhere">
                This change was not saved: since this page was loaded, your choices were changed in another tab or by a script with your token. Reload to see them as they are, then choose again.
                <Group mt="sm">
                  <Button size="xs" onClick={() => void reload()}>
                    Reload choices
                  </Button>
                </Group>
              </Alert>
            ) : (
              <ProblemAlert error={save.error} fields={['webhook.url', 'webhook.newSecret']} title="Not saved" />
            )}
            <Title order={2} size="h4">
              Kinds of notice
            </Title>
            <NoticeKindsTable kinds={prefs.kinds} pending={save.isPending ? save.variables : undefined} saving={save.isPending} onChange={(change) => save.mutate({ kinds: [change] })} />
            <Text size="sm" c="dimmed">
              A kind switched off in both places does not reach you at all. Notices about what you did yourself never do.
            </Text>
            <PersonalWebhookSection webhook={prefs.webhook} choices={choices} />
          </>
        )}
      </QueryState>
      <PersonalDeliveries />
      <Divider />
      <WatchedList />
    </Stack>
  );
}
