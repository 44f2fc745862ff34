import { ActionIcon, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';

type Entry = { question: string; answer: string; topic?: string };

/** Questions with their answers (Markdown), added and removed in place. */
export function FaqFields({ entries, onChange, label }: { entries: Entry[]; onChange: (entries: Entry[]) => void; label: string }) {
  const set = (i: number, change: Partial<Entry>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...change } : e)));
  return (
    <Stack gap="sm">
      {entries.map((entry, i) => (
        <Stack key={i} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          <Group align="flex-end" wrap="nowrap">
            <TextInput label={`${label} question ${i + 1}`} value={entry.question} onChange={(e) => set(i, { question: e.currentTarget.value })} style={{ flex: 1 }} />
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label.toLowerCase()} question ${i + 1}`} onClick={() => onChange(entries.filter((_, j) => j !== i))}>
              ✕
            </ActionIcon>
          </Group>
          <Textarea label={`${label} answer ${i + 1}`} autosize minRows={2} value={entry.answer} onChange={(e) => set(i, { answer: e.currentTarget.value })} />
        </Stack>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...entries, { question: '', answer: '' }])}>
          Add a question
        </Button>
      </Group>
    </Stack>
  );
}
