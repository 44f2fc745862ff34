import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { commentOnPull } from './andon-api';
import { useAndonCache } from './use-andon-cache';

/** Adds a comment to a pull's timeline; anyone signed in may. */
export function PullCommentForm({ pullId }: { pullId: string }) {
  const [body, setBody] = useState('');
  const cache = useAndonCache();
  const mutation = useMutation({
    mutationFn: (text: string) => commentOnPull(pullId, text),
    onSuccess: () => {
      setBody('');
      cache.changed();
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (text) mutation.mutate(text);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <ProblemAlert error={mutation.error} fields={['body']} />
        <Textarea
          label="Comment"
          description="What you see, what you tried, who you have asked. Anyone may comment."
          autosize
          minRows={2}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError(mutation.error, 'body')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" disabled={!body.trim()} loading={mutation.isPending}>
            Add comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
