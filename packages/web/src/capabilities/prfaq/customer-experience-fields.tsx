import { CUSTOMER_EXPERIENCE_GUIDANCE } from '@dayone/contracts';
import { ActionIcon, Button, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ProblemAlert } from '../../ui/problem-alert';
import { uploadMockup } from './prfaq-api';
import type { Drafts } from './prfaq-drafts';

type Experience = Drafts['customerExperience'];
type UseCase = { title: string; description: string; code: string; language: string };

/** The customer experience: the narrative, use cases with their code, and mock-up images (uploaded or linked). */
export function CustomerExperienceFields({ number, value, onChange }: { number: number; value: Experience; onChange: (next: Experience) => void }) {
  const useCases = value.useCases as UseCase[];
  const setCase = (i: number, change: Partial<UseCase>) => onChange({ ...value, useCases: useCases.map((u, j) => (j === i ? { ...u, ...change } : u)) });
  const setMockup = (i: number, change: Partial<Experience['mockups'][number]>) => onChange({ ...value, mockups: value.mockups.map((m, j) => (j === i ? { ...m, ...change } : m)) });
  const upload = useMutation({
    mutationFn: (file: File) => uploadMockup(number, file),
    onSuccess: (file) => onChange({ ...value, mockups: [...value.mockups, { url: file.url, alt: file.filename, caption: '' }] }),
  });
  return (
    <Stack>
      <Textarea label="Narrative" description={CUSTOMER_EXPERIENCE_GUIDANCE.narrative} autosize minRows={3} value={value.narrative} onChange={(e) => onChange({ ...value, narrative: e.currentTarget.value })} />
      <Text fw={500} size="sm">
        Use cases
      </Text>
      <Text size="xs" c="dimmed">
        {CUSTOMER_EXPERIENCE_GUIDANCE.useCases}
      </Text>
      {useCases.map((u, i) => (
        <Paper key={i} withBorder p="sm">
          <Stack gap={4}>
            <Group align="flex-end" wrap="nowrap">
              <TextInput label={`Use case ${i + 1}`} value={u.title} onChange={(e) => setCase(i, { title: e.currentTarget.value })} style={{ flex: 1 }} />
              <TextInput label="Language" placeholder="sh, ts, python…" value={u.language} onChange={(e) => setCase(i, { language: e.currentTarget.value })} w={140} />
              <ActionIcon variant="subtle" color="red" aria-label={`Remove use case ${i + 1}`} onClick={() => onChange({ ...value, useCases: useCases.filter((_, j) => j !== i) })}>
                ✕
              </ActionIcon>
            </Group>
            <Textarea label={`Use case ${i + 1} steps`} autosize minRows={2} value={u.description} onChange={(e) => setCase(i, { description: e.currentTarget.value })} />
            <Textarea label={`Use case ${i + 1} code`} autosize minRows={2} styles={{ input: { fontFamily: 'monospace' } }} value={u.code} onChange={(e) => setCase(i, { code: e.currentTarget.value })} />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange({ ...value, useCases: [...useCases, { title: '', description: '', code: '', language: '' }] })}>
          Add a use case
        </Button>
      </Group>
      <Text fw={500} size="sm">
        Mock-ups
      </Text>
      <Text size="xs" c="dimmed">
        {CUSTOMER_EXPERIENCE_GUIDANCE.mockups}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {value.mockups.map((m, i) => (
          <Paper key={`${m.url}-${i}`} withBorder p="xs">
            <Image src={m.url} alt={m.alt} radius="sm" mah={180} fit="contain" />
            <TextInput label="Description (for screen readers)" size="xs" value={m.alt} onChange={(e) => setMockup(i, { alt: e.currentTarget.value })} />
            <TextInput label="Caption" size="xs" value={m.caption} onChange={(e) => setMockup(i, { caption: e.currentTarget.value })} />
            <Button size="compact-xs" variant="subtle" color="red" mt={4} onClick={() => onChange({ ...value, mockups: value.mockups.filter((_, j) => j !== i) })}>
              Remove
            </Button>
          </Paper>
        ))}
      </SimpleGrid>
      <Group>
        <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/png,image/jpeg,image/gif,image/webp">
          {(props) => (
            <Button {...props} variant="light" size="xs" loading={upload.isPending}>
              Upload a mock-up
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          Save the section afterwards to keep it in the document.
        </Text>
      </Group>
      <ProblemAlert error={upload.error} title="The image was not uploaded" />
    </Stack>
  );
}
