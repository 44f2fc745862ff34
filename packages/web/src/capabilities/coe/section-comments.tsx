import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { PersonLink } from '../people/person-link';
import { commentOnCoe, type CoeDetail, type SectionName } from './coe-api';
import { useCoeCache } from './use-coe-cache';

type SectionCommentsProps = { number: number; section: SectionName; title: string; comments: CoeDetail['comments'] };

/** Comments on one section: anyone may ask a question or suggest a change without editing the text. */
export function SectionComments({ number, section, title, comments }: SectionCommentsProps) {
  const [body, setBody] = useState('');
  const cache = useCoeCache();
  const mutation = useMutation({
    mutationFn: (text: string) => commentOnCoe(number, section, text),
    onSuccess: (coe) => {
      setBody('');
      cache.written(coe);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (body.trim()) mutation.mutate(body.trim());
  };
  return (
    <Stack gap="xs">
      {comments.map((c, i) => (
        <Paper key={`${c.at}:${c.author}:${i}`} withBorder p="xs" bg="gray.0">
          <Text size="xs" c="dimmed">
            <PersonLink name={c.author} /> · {formatDateTime(c.at)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Paper>
      ))}
      <form onSubmit={submit}>
        <Stack gap={4}>
          <ProblemAlert error={mutation.error} fields={['body']} />
          <Textarea
            label={`Comment on ${title}`}
            autosize
            minRows={1}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError(mutation.error, 'body')}
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs" variant="default" disabled={!body.trim()} loading={mutation.isPending}>
              Add comment
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
