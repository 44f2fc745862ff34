import { Group, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { LoadMoreButton } from '../../ui/load-more-button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { useSession } from '../auth/use-session';
import { fetchPerson, peopleKeys } from '../people/people-api';
import { TeamPicker } from '../teams/team-picker';
import { ActionItemsTable } from './action-items-table';
import { coeKeys, fetchActionItems, type ActionItemFilters } from './coe-api';

type View = 'mine' | 'team';
const statusData = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

/** Action items from every COE: the signed-in person's own, or a team's; overdue ones in red. Choices live in the address. */
export function ActionItemsPage() {
  const { person } = useSession();
  // Read fresh: the session may predate joining a team.
  const me = useQuery({ queryKey: peopleKeys.one(person.name), queryFn: () => fetchPerson(person.name) });
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'team' ? 'team' : 'mine';
  const team = params.get('team') || (view === 'team' ? (me.data ?? person).teams[0] ?? '' : '');
  const status = (['open', 'closed', 'all'].includes(params.get('status') ?? '') ? params.get('status') : 'open') as ActionItemFilters['status'];
  const overdue = params.get('overdue') === 'true';
  const set = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(patch)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );

  const filters: ActionItemFilters = { status, ...(overdue ? { overdue: 'true' as const } : {}), ...(view === 'mine' ? { owner: person.name } : { team }) };
  const items = useInfiniteQuery({
    queryKey: [...coeKeys.actionItems(filters), 'pages'],
    queryFn: ({ pageParam }) => fetchActionItems(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: view === 'mine' || !!team,
  });
  const list = items.data?.pages.flatMap((p) => p.items) ?? [];
  const overdueCount = list.filter((i) => i.overdue).length;
  return (
    <Stack>
      <PageHeader title="Action items" description="What we promised to change after each COE, with one owner and a due date each." />
      <SegmentedControl
        aria-label="Whose action items"
        value={view}
        onChange={(v) => set({ view: v === 'team' ? 'team' : null, team: null })}
        data={[
          { value: 'mine', label: 'My action items' },
          { value: 'team', label: 'My team’s action items' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Group align="flex-end" gap="md">
        {view === 'team' && (
          <div style={{ width: 220 }}>
            <TeamPicker label="Team" value={team || null} initial={team ? { value: team, label: team } : null} onChange={(t) => set({ team: t })} />
          </div>
        )}
        <Select label="Show" data={statusData} value={status} onChange={(v) => set({ status: v === 'open' ? null : v })} allowDeselect={false} w={130} />
        <Switch label="Only overdue" checked={overdue} onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : null })} mb={6} />
      </Group>
      <ProblemAlert error={items.error} />
      {view === 'team' && !team ? (
        <Text c="dimmed">Choose a team to see its action items.</Text>
      ) : (
        <>
          {overdueCount > 0 && (
            <Text c="red.8" fw={600}>
              {overdueCount} overdue
            </Text>
          )}
          <div style={{ opacity: items.isPlaceholderData ? 0.6 : 1 }}>
            <ActionItemsTable items={list} label={view === 'mine' ? 'My action items' : `Action items of ${team}`} showCoe />
          </div>
          {items.isSuccess && list.length === 0 && <Text c="dimmed">No action items here.</Text>}
          <LoadMoreButton hasMore={items.hasNextPage} loading={items.isFetchingNextPage} onLoadMore={() => items.fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}
