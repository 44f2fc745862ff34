import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { pullCord, type AndonPull, type PullTarget } from './andon-api';
import { DEFAULT_SEVERITY, severityOptions } from './andon-labels';
import { useAndonCache } from './use-andon-cache';

type PullCordFormProps = {
  target: PullTarget;
  /** What the pull stops, in words, e.g. "checkout" or "team payments". */
  what: string;
  onDone: (pull: AndonPull) => void;
  onCancel: () => void;
};

/** Reason, severity and (optionally) environment of a new pull. Anyone signed in may pull. */
export function PullCordForm({ target, what, onDone, onCancel }: PullCordFormProps) {
  const [reason, setReason] = useState('');
  const [severity, setSeverity] = useState<string | null>(DEFAULT_SEVERITY);
  const [environment, setEnvironment] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const cache = useAndonCache();
  const mutation = useMutation({
    mutationFn: pullCord,
    onSuccess: (pull) => {
      cache.changed();
      notifications.show({ color: 'red', message: `Andon cord pulled on ${what}: pull #${pull.number}` });
      onDone(pull);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    setReasonMissing(!text);
    if (!text) return;
    mutation.mutate({ target, reason: text, severity: Number(severity ?? DEFAULT_SEVERITY), environment: environment.trim() || undefined });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">
          Deploys stop at once for everything this pull covers. The owning team acknowledges it and resolves it when the cause is fixed.
        </Text>
        <ProblemAlert error={mutation.error} fields={['reason', 'severity', 'environment']} title={mutation.error ? 'The cord was not pulled' : undefined} />
        <Textarea
          label="Reason"
          description="What is wrong, as you see it now. One or two sentences are enough."
          withAsterisk
          aria-required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonMissing ? 'Say why the line stops' : fieldError(mutation.error, 'reason')}
        />
        <Select
          label="Severity"
          description="1 is the worst"
          data={severityOptions}
          value={severity}
          onChange={setSeverity}
          allowDeselect={false}
          error={fieldError(mutation.error, 'severity')}
        />
        <TextInput
          label="Environment"
          description="Optional, e.g. production. Leave it empty to stop deploys to every environment."
          value={environment}
          onChange={(e) => setEnvironment(e.currentTarget.value)}
          error={fieldError(mutation.error, 'environment')}
        />
        <FormActions onCancel={onCancel} submitLabel="Pull the cord" color="red" loading={mutation.isPending} />
      </Stack>
    </form>
  );
}
