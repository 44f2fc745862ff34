import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { PersonLink } from '../people/person-link';
import { reviewCoe, type CoeDetail } from './coe-api';
import { coeProblemTitle } from './coe-problem';
import { useCoeCache } from './use-coe-cache';

/** The reviews so far, and a form for anyone to add one; a review from outside the owning team makes the COE reviewed. */
export function CoeReviews({ coe }: { coe: CoeDetail }) {
  const headingId = useId();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const cache = useCoeCache();
  const mutation = useMutation({
    mutationFn: (text: string) => reviewCoe(coe.number, text),
    onSuccess: (fresh) => {
      setNote('');
      cache.written(fresh);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    setMissing(!text);
    if (text) mutation.mutate(text);
  };
  const reviewable = coe.status === 'in_review' || coe.status === 'reviewed';
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group gap="xs">
        <Title order={2} size="h4" id={headingId}>
          Reviews
        </Title>
        <Badge variant="light" color="gray" aria-label={`${coe.reviews.length} reviews`}>
          {coe.reviews.length}
        </Badge>
      </Group>
      {coe.reviews.length === 0 && <Text c="dimmed">No reviews yet.</Text>}
      {coe.reviews.map((r, i) => (
        <Paper key={`${r.reviewer}:${r.at}:${i}`} withBorder p="sm">
          <Text size="xs" c="dimmed">
            <PersonLink name={r.reviewer} /> · {formatDateTime(r.at)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.note}
          </Text>
        </Paper>
      ))}
      {coe.status === 'draft' && <Text size="sm" c="dimmed">Reviews open once the owning team submits the COE for review.</Text>}
      {reviewable && (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Anyone may review. A review from someone outside {coe.team} marks the COE reviewed.
            </Text>
            <ProblemAlert error={mutation.error} fields={['note']} title={coeProblemTitle(mutation.error)} />
            <Textarea
              label="Review note"
              description="What is unclear, what is missing, which action items would you add?"
              autosize
              minRows={2}
              maxLength={5000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={missing ? 'Write what you think of it' : fieldError(mutation.error, 'note')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending}>
                Add review
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
