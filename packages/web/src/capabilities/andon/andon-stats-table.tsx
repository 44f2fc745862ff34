import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDuration } from '../../ui/format-duration';
import { QueryState } from '../../ui/query-state';
import { andonKeys, fetchAndonStats } from './andon-api';

const monthFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' });

/** "2026-11" as "November 2026". */
function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

/** Pulls per owning team and month, with the median time to acknowledge and to resolve. */
export function AndonStatsTable() {
  const stats = useQuery({ queryKey: andonKeys.stats, queryFn: fetchAndonStats });
  return (
    <QueryState query={stats}>
      {({ items }) =>
        items.length === 0 ? (
          <Text c="dimmed">No cord has been pulled yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Pulls per team and month">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Month</Table.Th>
                  <Table.Th>Owning team</Table.Th>
                  <Table.Th ta="right">Pulls</Table.Th>
                  <Table.Th ta="right">Median time to acknowledge</Table.Th>
                  <Table.Th ta="right">Median time to resolve</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((row) => (
                  <Table.Tr key={`${row.month}|${row.team ?? ''}`}>
                    <Table.Td>{formatMonth(row.month)}</Table.Td>
                    <Table.Td>
                      {row.team ? (
                        <Anchor component={Link} to={`/teams/${encodeURIComponent(row.team)}`}>
                          {row.team}
                        </Anchor>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          No owning team
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{row.pulls}</Table.Td>
                    <Table.Td ta="right">{formatDuration(row.medianSecondsToAcknowledge)}</Table.Td>
                    <Table.Td ta="right">{formatDuration(row.medianSecondsToResolve)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  );
}
