import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { shortRef } from '../catalog/catalog-ref';
import { coeKeys, fetchCoes, type CoeFilters } from './coe-api';
import { CoeFilterBar } from './coe-filters';
import { CoeStatusBadge } from './coe-status-badge';
import { useCoeFilters } from './use-coe-filters';

/** Every Correction of Error, newest first, searched and filtered on the server a page at a time. */
export function CoesPage() {
  const { filters, setFilter, clear, active } = useCoeFilters();
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Partial<CoeFilters>;
  const coes = useInfiniteQuery({
    queryKey: [...coeKeys.list(query), 'pages'],
    queryFn: ({ pageParam }) => fetchCoes(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = coes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <PageHeader
        title="Corrections of Error"
        description="What went wrong, why, and what we change so it does not happen again. Blameless: about systems, not people."
        actions={
          <>
            <Button component={Link} to="/coes/new">
              Write a COE
            </Button>
            <Button component={Link} to="/action-items" variant="default">
              My action items
            </Button>
            <Button component={Link} to="/coes/figures" variant="default">
              Figures
            </Button>
          </>
        }
      />
      <CoeFilterBar filters={filters} onChange={setFilter} onClear={clear} active={active} />
      <ProblemAlert error={coes.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="COEs" style={{ opacity: coes.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>COE</Table.Th>
              <Table.Th>Team</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Services</Table.Th>
              <Table.Th>Tags</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((coe) => (
              <Table.Tr key={coe.number}>
                <Table.Td>
                  <Anchor component={Link} to={`/coes/${coe.number}`}>
                    #{coe.number}: {coe.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${encodeURIComponent(coe.team)}`}>
                    {coe.team}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <CoeStatusBadge status={coe.status} />
                </Table.Td>
                <Table.Td>{coe.services.length ? coe.services.map(shortRef).join(', ') : '—'}</Table.Td>
                <Table.Td>{coe.tags.length ? coe.tags.join(', ') : '—'}</Table.Td>
                <Table.Td>{formatDateTime(coe.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {coes.isSuccess && items.length === 0 && <Text c="dimmed">{active ? 'No COE matches.' : 'No COEs yet. Write one after the next event worth learning from.'}</Text>}
      <LoadMoreButton hasMore={coes.hasNextPage} loading={coes.isFetchingNextPage} onLoadMore={() => coes.fetchNextPage()} />
    </Stack>
  );
}
