import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { DocumentView } from './document-view';
import type { PrfaqVersion } from './prfaq-api';

type Summary = Omit<PrfaqVersion, 'title' | 'customer' | 'sections'>;

/** Every saved version, and any two of them side by side. */
export function VersionsPanel({ number, current }: { number: number; current: number }) {
  const versions = useQuery({ queryKey: ['prfaqs', 'one', number, 'versions'], queryFn: () => api<Page<Summary>>(`/prfaqs/${number}/versions`, { query: { limit: 200 } }) });
  const [left, setLeft] = useState<string | null>(current > 1 ? String(current - 1) : null);
  const [right, setRight] = useState<string | null>(String(current));
  const load = (v: string | null) => ({ queryKey: ['prfaqs', 'one', number, 'version', v], queryFn: () => api<PrfaqVersion>(`/prfaqs/${number}/versions/${v}`), enabled: v !== null });
  const a = useQuery(load(left));
  const b = useQuery(load(right));
  const options = (versions.data?.items ?? []).map((v) => ({ value: String(v.number), label: `Version ${v.number}: ${v.changed} by ${v.savedBy}` }));
  return (
    <Stack>
      <ProblemAlert error={versions.error ?? a.error ?? b.error} />
      <Table striped aria-label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Changed</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(versions.data?.items ?? []).map((v) => (
            <Table.Tr key={v.number}>
              <Table.Td>{v.number}</Table.Td>
              <Table.Td>{v.changed}</Table.Td>
              <Table.Td>{v.savedBy}</Table.Td>
              <Table.Td>{formatDateTime(v.savedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        Compare two versions
      </Title>
      <Group>
        <Select label="Left" data={options} value={left} onChange={setLeft} w={320} />
        <Select label="Right" data={options} value={right} onChange={setRight} w={320} />
        <Button component="a" variant="default" href={`/api/v1/prfaqs/${number}/compare?from=${left ?? 1}&to=${right ?? current}`} target="_blank" mt="lg">
          Field-by-field changes (JSON)
        </Button>
      </Group>
      <SimpleGrid cols={2}>
        {[a.data, b.data].map((v, i) => (
          <Paper key={i} withBorder p="md">
            {v ? (
              <>
                <Text fw={600}>Version {v.number}</Text>
                <DocumentView version={v} />
              </>
            ) : (
              <Text c="dimmed">Choose a version.</Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
