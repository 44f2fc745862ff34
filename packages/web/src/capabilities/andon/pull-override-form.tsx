import { NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { overridePull, type AndonPull } from './andon-api';
import { releaseProblemTitle } from './andon-problem';
import { useReleaseMutation } from './use-release-mutation';

const DEFAULT_MINUTES = 60;

/** Lets deploys through despite the pull for a while (a fix, say), with a reason everyone sees. */
export function PullOverrideForm({ pull, onDone }: { pull: AndonPull; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number | string>(DEFAULT_MINUTES);
  const [localErrors, setLocalErrors] = useState<{ reason?: string; minutes?: string }>({});
  const mutation = useReleaseMutation((body: { reason: string; minutes: number }) => overridePull(pull.id, body.reason, body.minutes), onDone);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    const count = typeof minutes === 'number' ? minutes : Number(minutes);
    const errors = {
      reason: text ? undefined : 'Say why deploying is safe',
      minutes: Number.isInteger(count) && count >= 1 && count <= 1440 ? undefined : 'Between 1 and 1440 minutes (a day)',
    };
    setLocalErrors(errors);
    if (!errors.reason && !errors.minutes) mutation.mutate({ reason: text, minutes: count });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">
          The cord stays pulled, but pipelines may deploy until the override runs out. Everyone sees who let deploys through and why.
        </Text>
        <ProblemAlert error={mutation.error} fields={['reason', 'minutes']} title={releaseProblemTitle(mutation.error)} />
        <Textarea
          label="Override reason"
          description="Why deploying is safe now, e.g. the fix for this very problem"
          withAsterisk
          aria-required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={localErrors.reason ?? fieldError(mutation.error, 'reason')}
        />
        <NumberInput
          label="Minutes"
          description="How long deploys may go through, at most a day"
          withAsterisk
          aria-required
          min={1}
          max={1440}
          allowDecimal={false}
          allowNegative={false}
          value={minutes}
          onChange={setMinutes}
          error={localErrors.minutes ?? fieldError(mutation.error, 'minutes')}
        />
        <FormActions onCancel={onDone} submitLabel="Let deploys through" color="orange" loading={mutation.isPending} />
      </Stack>
    </form>
  );
}
