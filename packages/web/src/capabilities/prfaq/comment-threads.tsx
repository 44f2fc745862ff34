import type { PrfaqThread } from '@dayone/contracts';
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { addComment, prfaqKeys, resolveComment } from './prfaq-api';

/** The round's threads: each anchored to a passage (quoted), with replies, resolvable. */
export function CommentThreads({ number, round, threads }: { number: number; round: number; threads: PrfaqThread[] }) {
  if (threads.length === 0) return <Text c="dimmed">No comments yet.</Text>;
  return (
    <Stack gap="sm" aria-label="Comments" role="list">
      {threads.map((thread) => (
        <Thread key={thread.id} number={number} round={round} thread={thread} />
      ))}
    </Stack>
  );
}

function Thread({ number, round, thread }: { number: number; round: number; thread: PrfaqThread }) {
  const queryClient = useQueryClient();
  const [reply, setReply] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: prfaqKeys.one(number) });
  const answer = useMutation({ mutationFn: () => addComment(number, round, { body: reply.trim(), parentId: thread.id }), onSuccess: async () => { setReply(''); await refresh(); } });
  const resolve = useMutation({ mutationFn: () => resolveComment(number, round, thread.id, !thread.resolved), onSuccess: refresh });
  return (
    <Paper withBorder p="sm" role="listitem" aria-label={`Comment by ${thread.author}`} opacity={thread.resolved ? 0.7 : 1}>
      {thread.anchor && (
        <Text size="sm" c="dimmed">
          On {thread.anchor.section} {thread.anchor.field}: “<mark>{thread.anchor.quote}</mark>”
        </Text>
      )}
      <Text size="sm">
        <b>{thread.author}</b> · {formatDateTime(thread.at)} {thread.resolved && <Badge size="xs" color="gray">Resolved</Badge>}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{thread.body}</Text>
      {thread.replies.map((r) => (
        <Text key={r.id} size="sm" pl="md" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          <b>{r.author}</b>: {r.body}
        </Text>
      ))}
      <ProblemAlert error={answer.error ?? resolve.error} />
      <Group mt="xs" align="flex-end">
        <Textarea aria-label={`Reply to ${thread.author}`} placeholder="Reply" autosize minRows={1} value={reply} onChange={(e) => setReply(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button size="xs" variant="light" disabled={!reply.trim()} loading={answer.isPending} onClick={() => answer.mutate()}>
          Reply
        </Button>
        <Button size="xs" variant="subtle" loading={resolve.isPending} onClick={() => resolve.mutate()}>
          {thread.resolved ? 'Reopen' : 'Resolve'}
        </Button>
      </Group>
    </Paper>
  );
}
