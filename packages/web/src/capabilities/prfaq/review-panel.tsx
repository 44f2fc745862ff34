import type { PrfaqDetail } from '@dayone/contracts';
import { Button, Group, Paper, Select, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { CommentThreads } from './comment-threads';
import { DocumentView } from './document-view';
import { passageFields } from './passage-fields';
import { addComment, fetchMeeting, prfaqKeys, startRound, type Meeting } from './prfaq-api';
import { ReadingTimer } from './reading-timer';

/** Review rounds: start one on the current version (frozen for the round), then the meeting view. */
export function ReviewPanel({ doc }: { doc: PrfaqDetail }) {
  const queryClient = useQueryClient();
  const [reviewers, setReviewers] = useState<string[]>([]);
  const latest = doc.rounds.at(-1);
  const start = useMutation({
    mutationFn: () => startRound(doc.number, reviewers),
    onSuccess: async () => {
      setReviewers([]);
      await queryClient.invalidateQueries({ queryKey: prfaqKeys.one(doc.number) });
    },
  });
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            Start a review round
          </Title>
          <Text size="sm" c="dimmed">
            The round reviews version {doc.currentVersion} as it is now; later saves make new versions for the next round.
          </Text>
          <Group align="flex-end">
            <TagsInput label="Reviewers" description="People to invite (their user names); press Enter after each" value={reviewers} onChange={setReviewers} w={420} />
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              Start round
            </Button>
          </Group>
          <ProblemAlert error={start.error} title="The round did not start" />
        </Stack>
      </Paper>
      {latest ? <RoundMeeting number={doc.number} round={latest.number} /> : <Text c="dimmed">No review round yet.</Text>}
    </Stack>
  );
}

function RoundMeeting({ number, round }: { number: number; round: number }) {
  const meeting = useQuery({ queryKey: prfaqKeys.meeting(number, round), queryFn: () => fetchMeeting(number, round) });
  return <QueryState query={meeting}>{(m) => <MeetingView number={number} meeting={m} />}</QueryState>;
}

function MeetingView({ number, meeting }: { number: number; meeting: Meeting }) {
  return (
    <Paper withBorder p="md" aria-label={`Review round ${meeting.number}`} role="region">
      <Stack>
        <Title order={2} size="h4">
          Round {meeting.number}: version {meeting.version} {meeting.closedAt ? '(closed)' : ''}
        </Title>
        <Text size="sm" c="dimmed">
          Started by {meeting.startedBy}; reviewers: {meeting.reviewers.join(', ') || 'none invited'}; {meeting.wordCount} words.
        </Text>
        <ReadingTimer minutes={meeting.readingMinutes} />
        <DocumentView version={meeting.document} />
        <Title order={3} size="h4">
          Comments
        </Title>
        <CommentThreads number={number} round={meeting.number} threads={meeting.comments} />
        {!meeting.closedAt && <CommentForm number={number} meeting={meeting} />}
      </Stack>
    </Paper>
  );
}

function CommentForm({ number, meeting }: { number: number; meeting: Meeting }) {
  const queryClient = useQueryClient();
  const fields = passageFields(meeting.document);
  const [field, setField] = useState<string | null>(null);
  const [quote, setQuote] = useState('');
  const [body, setBody] = useState('');
  const chosen = fields.find((f) => f.value === field);
  const start = chosen && quote ? chosen.text.indexOf(quote) : -1;
  const send = useMutation({
    mutationFn: () =>
      addComment(number, meeting.number, {
        body: body.trim(),
        ...(chosen && quote ? { anchor: { section: chosen.section, field: chosen.field, start, end: start + quote.length, quote } } : {}),
      }),
    onSuccess: async () => {
      setBody('');
      setQuote('');
      await queryClient.invalidateQueries({ queryKey: prfaqKeys.meeting(number, meeting.number) });
    },
  });
  const quoteMissing = !!chosen && !!quote && start < 0;
  return (
    <Stack gap="xs" component="form" aria-label="Add a comment" onSubmit={(e: React.FormEvent) => { e.preventDefault(); send.mutate(); }}>
      <Group align="flex-end">
        <Select label="On the passage in" placeholder="The whole document" data={fields.map(({ value, label }) => ({ value, label }))} value={field} onChange={setField} clearable w={320} />
        <TextInput label="Passage" description="Copy the exact words you comment on" value={quote} onChange={(e) => setQuote(e.currentTarget.value)} disabled={!chosen} error={quoteMissing ? 'These words are not in that field' : undefined} w={360} />
      </Group>
      <Textarea label="Comment" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      <ProblemAlert error={send.error} title="The comment was not added" />
      <Group>
        <Button type="submit" disabled={!body.trim() || quoteMissing} loading={send.isPending}>
          Comment
        </Button>
      </Group>
    </Stack>
  );
}
