import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { isVersionConflict, VersionConflictAlert } from '../../ui/version-conflict-alert';
import { defineFlywheel, type Flywheel, type MetricDraft } from './flywheel-api';

const blank = (): MetricDraft => ({ key: '', name: '', unit: '', kind: 'input', next: '' });
const draftsOf = (f: Flywheel | null): MetricDraft[] => (f ? f.metrics.map(({ key, name, unit, kind, next }) => ({ key, name, unit, kind, next })) : [blank(), blank(), blank()]);

/** Defines the flywheel: one row per metric, each naming the metric it drives (the loop, and spurs that
 *  feed it). Saved as a whole, guarded by the version it was opened with. */
export function FlywheelEditor({ team, flywheel, onSaved, onCancel, onReload }: { team: string; flywheel: Flywheel | null; onSaved: (f: Flywheel) => void; onCancel?: () => void; onReload: () => Promise<void> }) {
  const [rows, setRows] = useState(() => draftsOf(flywheel));
  const save = useMutation({ mutationFn: () => defineFlywheel(team, rows, flywheel?.version), onSuccess: onSaved });
  const set = (i: number, change: Partial<MetricDraft>) => setRows((all) => all.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const keys = rows.map((r) => r.key).filter(Boolean);
  const fieldError = (i: number, field: string) => (isApiError(save.error) ? save.error.fieldError(`metrics.${i}.${field}`) : undefined);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Each metric drives the next one: follow the arrows round the loop. A metric off the loop (a spur, such as lower cost structure → lower prices) drives a metric on it.
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Drives</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput aria-label={`Key of metric ${i + 1}`} value={r.key} onChange={(e) => set(i, { key: e.currentTarget.value })} error={fieldError(i, 'key')} placeholder="traffic" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`Name of metric ${i + 1}`} value={r.name} onChange={(e) => set(i, { name: e.currentTarget.value })} error={fieldError(i, 'name')} placeholder="Traffic" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`Unit of metric ${i + 1}`} value={r.unit} onChange={(e) => set(i, { unit: e.currentTarget.value })} w={110} placeholder="visits" />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect aria-label={`Kind of metric ${i + 1}`} value={r.kind} onChange={(e) => set(i, { kind: e.currentTarget.value as MetricDraft['kind'] })} data={['input', 'output']} />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Metric ${i + 1} drives`}
                      value={r.next}
                      onChange={(e) => set(i, { next: e.currentTarget.value })}
                      data={[{ value: '', label: 'choose…' }, ...keys.filter((k) => k !== r.key).map((k) => ({ value: k, label: k }))]}
                      error={fieldError(i, 'next')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove metric ${i + 1}`} onClick={() => setRows((all) => all.filter((_, k) => k !== i))} disabled={rows.length <= 2}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {isVersionConflict(save.error) ? <VersionConflictAlert thing="flywheel" current="metrics" onReload={onReload} /> : <ProblemAlert error={save.error} fields={rows.flatMap((_, i) => [`metrics.${i}.key`, `metrics.${i}.name`, `metrics.${i}.next`])} title="The flywheel was not saved" />}
          <Group>
            <Button variant="default" onClick={() => setRows((all) => [...all, blank()])} disabled={rows.length >= 20}>
              Add a metric
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save flywheel
            </Button>
            {onCancel && (
              <Button variant="subtle" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
