import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { milestoneOptions, type Milestone } from './coe-labels';
import type { SectionEditorProps } from './section-editor-props';
import { emptyTimelineRow, type TimelineRow } from './section-values';

const MAX_ROWS = 500;
const milestoneData = milestoneOptions.map((m) => ({ value: m.value, label: m.label }));

/** What happened when, with the milestones (started, detected, acknowledged, mitigated, resolved) marked in order. */
export function TimelineEditor({ value, onChange, errors }: SectionEditorProps<TimelineRow[]>) {
  const set = (i: number, patch: Partial<TimelineRow>) => onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const sorted = () => [...value].sort((a, b) => (a.at && b.at ? a.at.localeCompare(b.at) : a.at ? -1 : b.at ? 1 : 0));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Times are in your time zone. Mark the milestones in the order they happened: started, detected, acknowledged, mitigated, resolved.
      </Text>
      {errors[''] && (
        <Text size="sm" c="red.7" role="alert">
          {errors['']}
        </Text>
      )}
      {value.length === 0 && <Text c="dimmed">No entries yet.</Text>}
      {value.map((row, i) => (
        <Paper key={row.key} withBorder p="xs">
          <Group align="flex-start" wrap="wrap" gap="sm">
            <TextInput
              type="datetime-local"
              step={1}
              label={`Time ${i + 1}`}
              value={row.at}
              onChange={(e) => set(i, { at: e.currentTarget.value })}
              error={errors[`${i}.at`]}
              w={230}
            />
            <TextInput
              label={`What happened ${i + 1}`}
              value={row.text}
              maxLength={2000}
              onChange={(e) => set(i, { text: e.currentTarget.value })}
              error={errors[`${i}.text`] ?? errors[`${i}`]}
              style={{ flex: 1, minWidth: 240 }}
            />
            <Select
              label={`Milestone ${i + 1}`}
              placeholder="None"
              clearable
              data={milestoneData}
              value={row.milestone}
              onChange={(milestone) => set(i, { milestone: milestone as Milestone | null })}
              error={errors[`${i}.milestone`]}
              w={170}
            />
            <Button variant="subtle" color="red" mt={25} aria-label={`Remove entry ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              Remove
            </Button>
          </Group>
        </Paper>
      ))}
      <Group gap="xs">
        <Button variant="light" size="xs" disabled={value.length >= MAX_ROWS} onClick={() => onChange([...value, emptyTimelineRow()])}>
          Add a timeline entry
        </Button>
        <Button variant="subtle" size="xs" disabled={value.length < 2} onClick={() => onChange(sorted())}>
          Sort by time
        </Button>
      </Group>
    </Stack>
  );
}
