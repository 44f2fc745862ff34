import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { AndonHistory } from './andon-history';
import { AndonOpenPulls } from './andon-open-pulls';
import { AndonStatsTable } from './andon-stats-table';

const tabs = ['open', 'history', 'stats'] as const;
type Tab = (typeof tabs)[number];

/** The andon board: open pulls live, the history of pulls, and how fast each team responds. */
export function AndonBoardPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = tabs.includes(asked as Tab) ? (asked as Tab) : 'open';
  const choose = (next: string | null) =>
    setParams(
      (current) => {
        const fresh = new URLSearchParams(current);
        if (!next || next === 'open') fresh.delete('tab');
        else fresh.set('tab', next);
        return fresh;
      },
      { replace: true },
    );
  return (
    <Stack>
      <PageHeader
        title="Andon board"
        description="Anyone may stop the line. While a cord is pulled, deploys of what it covers wait until the owning team resolves it."
      />
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="open">Open pulls</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
          <Tabs.Tab value="stats">Per team and month</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open">
          <AndonOpenPulls />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AndonHistory />
        </Tabs.Panel>
        <Tabs.Panel value="stats">
          <AndonStatsTable />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
