import type { PrfaqSectionName } from '@dayone/contracts';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProblemAlert } from '../../ui/problem-alert';
import { VersionConflictAlert, isVersionConflict } from '../../ui/version-conflict-alert';
import { prfaqKeys, saveSection } from './prfaq-api';

type SectionCardProps = {
  number: number;
  name: PrfaqSectionName;
  title: string;
  guidance: string;
  version: number;
  content: () => unknown;
  /** Puts the saved text back into the form (after reloading someone else's save). */
  onReload: () => Promise<void>;
  children: React.ReactNode;
};

/** One section of the document with its guidance and its own save, guarded by the section's version:
 *  a save over someone else's newer save is refused (412) and nothing of theirs is lost. */
export function SectionCard({ number, name, title, guidance, version, content, onReload, children }: SectionCardProps) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => saveSection(number, name, content(), version),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: `${title} saved as a new version` });
      await queryClient.invalidateQueries({ queryKey: prfaqKeys.one(number) });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack>
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {guidance}
          </Text>
        </div>
        {children}
        {isVersionConflict(save.error) ? (
          <VersionConflictAlert thing="section" current="text" onReload={async () => { await onReload(); save.reset(); }} />
        ) : (
          <ProblemAlert error={save.error} title={`${title} was not saved`} />
        )}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Save {title.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
