import { MIN_NO_WORDS, countWords, type PrfaqDecision, type PrfaqDetail } from '@dayone/contracts';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { useSession } from '../auth/use-session';
import { BetForm } from './bet-form';
import { commit, decide, prfaqKeys, requestDecision, writeNo } from './prfaq-api';

const doorLabel = { two_way: 'Two-way door (reversible): yes by default unless someone writes a no', one_way: 'One-way door (irreversible): a named decider decides' };

/** Asking for a decision, and every decision of the document with its nos, its outcome and commitments. */
export function DecisionPanel({ doc }: { doc: PrfaqDetail }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: prfaqKeys.one(doc.number) });
  const [door, setDoor] = useState<'two_way' | 'one_way'>('two_way');
  const [decider, setDecider] = useState('');
  const ask = useMutation({ mutationFn: () => requestDecision(doc.number, { door, ...(door === 'one_way' && decider.trim() ? { decider: decider.trim() } : {}) }), onSuccess: refresh });
  const open = doc.decisions.some((d) => d.state !== 'decided');
  return (
    <Stack>
      <BetForm doc={doc} />
      {!open && (
        <Paper withBorder p="md" component="form" aria-label="Ask for a decision" onSubmit={(e: React.FormEvent) => { e.preventDefault(); ask.mutate(); }}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              Ask for a decision
            </Title>
            <SegmentedControl aria-label="Door" value={door} onChange={(v) => setDoor(v as typeof door)} data={[{ value: 'two_way', label: 'Two-way door' }, { value: 'one_way', label: 'One-way door' }]} w="fit-content" />
            <Text size="sm">{doorLabel[door]}.</Text>
            {door === 'one_way' && <TextInput label="Decider" description="Leave empty for the leader of the parent team" value={decider} onChange={(e) => setDecider(e.currentTarget.value)} w={280} />}
            <ProblemAlert error={ask.error} title="No decision was asked for" />
            <Group>
              <Button type="submit" loading={ask.isPending}>
                Ask for a decision
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {[...doc.decisions].reverse().map((d) => (
        <DecisionCard key={d.id} number={doc.number} decision={d} author={doc.author} onChanged={refresh} />
      ))}
    </Stack>
  );
}

function DecisionCard({ number, decision: d, author, onChanged }: { number: number; decision: PrfaqDecision; author: string; onChanged: () => Promise<void> }) {
  const { person } = useSession();
  return (
    <Paper withBorder p="md" role="region" aria-label={`Decision on version ${d.version}`}>
      <Stack gap="xs">
        <Group>
          <Title order={3} size="h4">
            {d.door === 'two_way' ? 'Two-way door' : 'One-way door'} on version {d.version}
          </Title>
          {d.outcome ? <Badge color={d.outcome === 'yes' ? 'teal' : 'red'} size="lg">{d.outcome === 'yes' ? 'Yes' : 'No'}{d.how === 'default' ? ' by default' : ''}</Badge> : <Badge color="blue">{d.state === 'escalated' ? 'Escalated' : 'Open'}</Badge>}
        </Group>
        <Text size="sm">
          Asked by {d.requestedBy} {formatDateTime(d.requestedAt)}.
          {d.dueAt && ` The window closes ${formatDateTime(d.dueAt)}.`}
          {d.decider && ` Decider now: ${d.decider}.`}
          {d.decidedAt && ` Decided ${formatDateTime(d.decidedAt)} by ${d.decidedBy ?? 'the window'}.`}
        </Text>
        {d.reasons && <Text size="sm">Why: {d.reasons}</Text>}
        {d.nos.map((no, i) => (
          <Paper key={i} p="xs" bg="red.0">
            <Text size="sm" fw={600}>
              {no.by} wrote a no ({formatDateTime(no.at)})
            </Text>
            <Text size="sm">{no.reasons}</Text>
            <Text size="sm" c="dimmed">
              Would change their mind: {no.wouldChangeMind}
            </Text>
          </Paper>
        ))}
        {d.commitments.map((c, i) => (
          <Text key={i} size="sm">
            {c.by} disagrees and commits{c.note ? `: ${c.note}` : ''}.
          </Text>
        ))}
        {d.state !== 'decided' && d.door === 'two_way' && person.name !== author && <WrittenNo number={number} decision={d} onDone={onChanged} />}
        {d.state !== 'decided' && d.decider === person.name && <DeciderAnswer number={number} decision={d} onDone={onChanged} />}
        {d.outcome === 'yes' && !d.commitments.some((c) => c.by === person.name) && <DisagreeAndCommit number={number} decision={d} onDone={onChanged} />}
      </Stack>
    </Paper>
  );
}

function WrittenNo({ number, decision, onDone }: { number: number; decision: PrfaqDecision; onDone: () => Promise<void> }) {
  const [reasons, setReasons] = useState('');
  const [mind, setMind] = useState('');
  const send = useMutation({ mutationFn: () => writeNo(number, decision.id, { reasons, wouldChangeMind: mind }), onSuccess: onDone });
  const words = countWords(reasons);
  return (
    <Stack gap={4} component="form" aria-label="Write a no" onSubmit={(e: React.FormEvent) => { e.preventDefault(); send.mutate(); }}>
      <Textarea label="Your reasons for no" description={`At least ${MIN_NO_WORDS} words (${words} so far). A no goes to the leader above, who decides; silence is never a no.`} autosize minRows={3} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
      <Textarea label="What would change your mind" autosize minRows={1} value={mind} onChange={(e) => setMind(e.currentTarget.value)} />
      <ProblemAlert error={send.error} title="The no was not recorded" />
      <Group>
        <Button type="submit" color="red" variant="light" loading={send.isPending}>
          Record a written no
        </Button>
      </Group>
    </Stack>
  );
}

function DeciderAnswer({ number, decision, onDone }: { number: number; decision: PrfaqDecision; onDone: () => Promise<void> }) {
  const [reasons, setReasons] = useState('');
  const [mind, setMind] = useState('');
  const send = useMutation({ mutationFn: (answer: 'yes' | 'no') => decide(number, decision.id, { answer, reasons, wouldChangeMind: mind }), onSuccess: onDone });
  return (
    <Stack gap={4} aria-label="Decide">
      <Textarea label="Why (a no needs at least 50 words)" autosize minRows={2} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
      <Textarea label="What would change your mind (for a no)" autosize minRows={1} value={mind} onChange={(e) => setMind(e.currentTarget.value)} />
      <ProblemAlert error={send.error} title="The decision was not recorded" />
      <Group>
        <Button color="teal" onClick={() => send.mutate('yes')} loading={send.isPending}>
          Decide yes
        </Button>
        <Button color="red" variant="light" onClick={() => send.mutate('no')} loading={send.isPending}>
          Decide no
        </Button>
      </Group>
    </Stack>
  );
}

function DisagreeAndCommit({ number, decision, onDone }: { number: number; decision: PrfaqDecision; onDone: () => Promise<void> }) {
  const [note, setNote] = useState('');
  const send = useMutation({ mutationFn: () => commit(number, decision.id, note), onSuccess: onDone });
  return (
    <Group align="flex-end">
      <TextInput label="Disagree and commit" description="You would have chosen otherwise, and you back the yes" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={420} />
      <Button variant="default" onClick={() => send.mutate()} loading={send.isPending}>
        Disagree and commit
      </Button>
      <ProblemAlert error={send.error} />
    </Group>
  );
}
