import type { AuditEntry, AuditVerification } from '@dayone/contracts';
import { Alert, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { adminKeys, fetchAudit, verifyAudit } from './admin-api';

/** The audit log, newest first, a page at a time, and a check of its hash chain. */
export function AuditSection() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const audit = useQuery({ queryKey: adminKeys.audit(cursor), queryFn: () => fetchAudit(cursor), placeholderData: keepPreviousData });
  const queryClient = useQueryClient();
  // Show the entries that were just checked, including any written since the page loaded.
  const verify = useMutation({ mutationFn: verifyAudit, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.allAudit }) });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Audit log
        </Title>
        <Button variant="default" loading={verify.isPending} onClick={() => verify.mutate()}>
          Verify audit chain
        </Button>
      </Group>
      <ProblemAlert error={verify.error} />
      {verify.data && <VerificationResult result={verify.data} />}
      <QueryState query={audit}>
        {(page) => (
          <>
            {page.items.length === 0 ? <Text c="dimmed">Nothing recorded yet.</Text> : <AuditTable entries={page.items} />}
            <Group justify="space-between">
              <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                Previous page
              </Button>
              <Text size="sm" c="dimmed">
                Page {cursors.length}
              </Text>
              <Button variant="default" disabled={!page.nextCursor} onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor])}>
                Next page
              </Button>
            </Group>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  if (result.ok) {
    return (
      <Alert color="teal" title="The audit chain is intact">
        {result.checked} entries checked; none was changed or removed.
      </Alert>
    );
  }
  return (
    <Alert color="red" title="The audit chain is broken">
      {result.firstBad
        ? `Entry #${result.firstBad.seq} does not match the chain: ${result.firstBad.reason}.`
        : 'An entry does not match the chain.'}{' '}
      {result.checked} entries checked.
    </Alert>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td>{entry.seq}</Table.Td>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td>{entry.actor}</Table.Td>
              <Table.Td>{entry.action}</Table.Td>
              <Table.Td>
                {entry.entityType} {entry.entityId}
              </Table.Td>
              <Table.Td>
                <details>
                  <summary>Before / after</summary>
                  <Code block>{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</Code>
                </details>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
