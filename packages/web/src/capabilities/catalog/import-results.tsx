import { Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportSummary } from './catalog-api';
import { shortRef } from './catalog-ref';
import { EntityRefLink } from './entity-ref-link';

type Status = ImportSummary['results'][number]['status'];

const statuses: { status: Status; label: string; color: string }[] = [
  { status: 'created', label: 'Created', color: 'teal' },
  { status: 'updated', label: 'Updated', color: 'blue' },
  { status: 'unchanged', label: 'Unchanged', color: 'gray' },
  { status: 'rejected', label: 'Rejected', color: 'red' },
  { status: 'skipped', label: 'Skipped', color: 'yellow' },
];
const colorOf = (status: Status) => statuses.find((s) => s.status === status)?.color ?? 'gray';
const rowsShown = 500;

/** The import's counts, and each document's outcome with the reason for any rejection or skip. */
export function ImportResults({ summary }: { summary: ImportSummary }) {
  const problems = summary.rejected + summary.skipped;
  const [show, setShow] = useState<'all' | 'problems'>(problems > 0 ? 'problems' : 'all');
  const rows = show === 'all' ? summary.results : summary.results.filter((r) => r.status === 'rejected' || r.status === 'skipped');
  return (
    <Stack aria-label="Import summary" component="section">
      <Title order={2} size="h4">
        Import summary
      </Title>
      <Group gap="sm">
        {statuses.map(({ status, label, color }) => (
          <Paper key={status} withBorder px="md" py="xs" aria-label={`${label}: ${summary[status]}`}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="xl" c={summary[status] > 0 ? color : undefined}>
              {summary[status].toLocaleString()}
            </Text>
          </Paper>
        ))}
      </Group>
      {summary.results.length > 0 && (
        <SegmentedControl
          aria-label="Which documents to list"
          value={show}
          onChange={(v) => setShow(v as 'all' | 'problems')}
          data={[
            { value: 'all', label: `All documents (${summary.results.length})` },
            { value: 'problems', label: `Rejected or skipped (${problems})` },
          ]}
          w="fit-content"
        />
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Import results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Document</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th w={110}>Status</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, rowsShown).map((r) => (
              <Table.Tr key={r.document}>
                <Table.Td>{r.document}</Table.Td>
                <Table.Td>{r.ref ? r.status === 'rejected' || r.status === 'skipped' ? shortRef(r.ref) : <EntityRefLink target={r.ref} /> : '—'}</Table.Td>
                <Table.Td>
                  <Badge color={colorOf(r.status)} variant="light">
                    {r.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > rowsShown && <Text c="dimmed">The first {rowsShown} of {rows.length} are listed.</Text>}
      {rows.length === 0 && <Text c="dimmed">{show === 'problems' ? 'Every document was accepted.' : 'The file held no documents.'}</Text>}
    </Stack>
  );
}
