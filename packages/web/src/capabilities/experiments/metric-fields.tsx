import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../ui/field-error';
import { aggregationOptions, roleOptions } from './experiment-labels';
import { emptyMetric, type MetricValues } from './experiment-form-values';
import type { Aggregation, MetricRole } from './experiments-api';

type MetricFieldsProps = { value: MetricValues[]; onChange: (value: MetricValues[]) => void; error: unknown };

const MAX = 20;

/** The metrics of an experiment: what is measured per user, and whether it is the goal or a guardrail. */
export function MetricFields({ value, onChange, error }: MetricFieldsProps) {
  const set = (index: number, next: Partial<MetricValues>) => onChange(value.map((m, i) => (i === index ? { ...m, ...next } : m)));
  const problem = fieldError(error, 'metrics');
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm">
        Metrics
      </Text>
      <Text size="xs" c="dimmed">
        Events name a metric by its key. A goal is what the change should move; a guardrail is what it must not harm.
      </Text>
      {value.map((m, i) => (
        <Paper key={i} withBorder p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={`Metric ${i + 1} key`} description="e.g. purchase" required value={m.key} onChange={(e) => set(i, { key: e.currentTarget.value })} />
            <TextInput label={`Metric ${i + 1} name`} description="Optional, for people" value={m.name} onChange={(e) => set(i, { name: e.currentTarget.value })} />
            <Select
              label={`Metric ${i + 1} aggregation`}
              data={aggregationOptions}
              value={m.aggregation}
              onChange={(v) => v && set(i, { aggregation: v as Aggregation })}
              allowDeselect={false}
            />
            <Select label={`Metric ${i + 1} role`} data={roleOptions} value={m.role} onChange={(v) => v && set(i, { role: v as MetricRole })} allowDeselect={false} />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            <Group gap="lg">
              <Checkbox label={`Metric ${i + 1}: higher is better`} checked={m.higherIsBetter} onChange={(e) => set(i, { higherIsBetter: e.currentTarget.checked })} />
              <Checkbox
                label={`Metric ${i + 1}: CUPED`}
                description="Use the users' pre-exposure values"
                checked={m.cuped}
                onChange={(e) => set(i, { cuped: e.currentTarget.checked })}
              />
            </Group>
            <Button variant="subtle" color="red" size="xs" disabled={value.length <= 1} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Remove metric ${i + 1}`}>
              Remove
            </Button>
          </Group>
        </Paper>
      ))}
      {problem && (
        <Text size="sm" c="red.7" role="alert">
          {problem}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" disabled={value.length >= MAX} onClick={() => onChange([...value, { ...emptyMetric }])}>
          Add metric
        </Button>
      </Group>
    </Stack>
  );
}
