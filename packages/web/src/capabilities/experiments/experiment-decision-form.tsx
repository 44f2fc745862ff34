import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { decisionOptions } from './experiment-labels';
import { experimentProblemTitle } from './experiment-problem';
import { decideExperiment, type Decision, type Experiment } from './experiments-api';
import { useExperimentCache } from './use-experiment-cache';

/** Ship, kill or iterate, with the lesson learned, which is required whatever the outcome. */
export function ExperimentDecisionForm({ experiment }: { experiment: Experiment }) {
  const [decision, setDecision] = useState<Decision | null>(null);
  const [lesson, setLesson] = useState('');
  const [local, setLocal] = useState<{ decision?: string; lesson?: string }>({});
  const cache = useExperimentCache();
  const mutation = useMutation({
    mutationFn: (body: { decision: Decision; lesson: string }) => decideExperiment(experiment.key, body.decision, body.lesson),
    onSuccess: cache.written,
    onError: () => cache.reload(experiment.key),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = lesson.trim();
    const errors = { decision: decision ? undefined : 'Choose ship, kill or iterate', lesson: text ? undefined : 'Write down what was learned, whatever the outcome' };
    setLocal(errors);
    if (decision && text) mutation.mutate({ decision, lesson: text });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-heading">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="decision-heading">
            Decide
          </Title>
          <Text size="sm" c="dimmed">
            The decision ends the experiment. The lesson is kept next to it for everyone who tries something similar.
          </Text>
          <ProblemAlert error={mutation.error} fields={['decision', 'lesson']} title={experimentProblemTitle(mutation.error)} />
          <Radio.Group label="Decision" withAsterisk value={decision} onChange={(v) => setDecision(v as Decision)} error={local.decision ?? fieldError(mutation.error, 'decision')}>
            <Group mt="xs">
              {decisionOptions.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} description={o.meaning} color={o.color} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label="Lesson"
            description="What did the experiment teach, including when the idea did not work?"
            withAsterisk
            aria-required
            autosize
            minRows={3}
            maxLength={10_000}
            value={lesson}
            onChange={(e) => setLesson(e.currentTarget.value)}
            error={local.lesson ?? fieldError(mutation.error, 'lesson')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              Record decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
