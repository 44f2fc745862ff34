import { Paper, Stack } from '@mantine/core';
import { PageHeader } from './page-header';

type CreatePageFormProps = { title: string; description: string; maw: number; onSubmit: (event: React.FormEvent) => void; children: React.ReactNode };

/** A page that holds one form for creating something: a header, then the form on a card. */
export function CreatePageForm({ title, description, maw, onSubmit, children }: CreatePageFormProps) {
  return (
    <Stack maw={maw}>
      <PageHeader title={title} description={description} />
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit}>
          <Stack>{children}</Stack>
        </form>
      </Paper>
    </Stack>
  );
}
