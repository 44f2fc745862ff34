import { Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { WatchButton } from '../notifications/watch-button';
import { DecisionPanel } from './decision-panel';
import { fetchPrfaq, prfaqKeys, type PrfaqDetail } from './prfaq-api';
import { statusColour, statusLabel } from './prfaq-labels';
import { PrfaqWrite } from './prfaq-write';
import { ReviewPanel } from './review-panel';
import { VersionsPanel } from './versions-panel';

/** One PR/FAQ: write it with the coach, review it in rounds, ask for a decision, see its versions. */
export function PrfaqPage() {
  const number = Number(useParams().number);
  // While a decision is open the page keeps looking, so a default yes shows up when the window closes.
  const doc = useQuery({
    queryKey: prfaqKeys.one(number),
    queryFn: () => fetchPrfaq(number),
    refetchInterval: (query) => (query.state.data?.decisions.some((d) => d.state !== 'decided') ? 2000 : false),
  });
  return <QueryState query={doc}>{(data) => <PrfaqDocument doc={data} />}</QueryState>;
}

function PrfaqDocument({ doc }: { doc: PrfaqDetail }) {
  return (
    <Stack>
      <PageHeader
        title={`PR/FAQ #${doc.number}: ${doc.title}`}
        description={`For ${doc.customer || 'a customer not named yet'} · ${doc.team} · by ${doc.author} · version ${doc.currentVersion}`}
        actions={
          <>
            <WatchButton kind="prfaq" name={doc.number} what={`PR/FAQ ${doc.number}`} size="xs" />
            <Badge size="lg" color={statusColour[doc.status]}>
              {statusLabel[doc.status]}
              {doc.decision ? `: ${doc.decision}` : ''}
            </Badge>
            <Button component="a" href={`/api/v1/prfaqs/${doc.number}/markdown`} variant="default" size="xs">
              Markdown
            </Button>
            <Button component={Link} to={`/prfaqs/${doc.number}/print`} variant="default" size="xs">
              Print view
            </Button>
          </>
        }
      />
      <Tabs defaultValue="write" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="review">Review ({doc.rounds.length})</Tabs.Tab>
          <Tabs.Tab value="decision">Decision ({doc.decisions.length})</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="md">
          <PrfaqWrite doc={doc} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewPanel doc={doc} />
        </Tabs.Panel>
        <Tabs.Panel value="decision" pt="md">
          <DecisionPanel doc={doc} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsPanel number={doc.number} current={doc.currentVersion} />
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed">
        Status history: {doc.statusHistory.map((s) => `${statusLabel[s.to]} (${s.by})`).join(' → ')}
      </Text>
      <Group />
    </Stack>
  );
}
