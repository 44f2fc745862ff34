import { Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { resolvePull, type AndonPull } from './andon-api';
import { releaseProblemTitle } from './andon-problem';
import { useReleaseMutation } from './use-release-mutation';

/** Resolves a pull with a note saying what fixed it; the gate opens again. */
export function PullResolveForm({ pull, onDone }: { pull: AndonPull; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useReleaseMutation((text: string) => resolvePull(pull.id, text), onDone);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    setMissing(!text);
    if (text) mutation.mutate(text);
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <ProblemAlert error={mutation.error} fields={['note']} title={releaseProblemTitle(mutation.error)} />
        <Textarea
          label="Resolution note"
          description="What was wrong and what fixed it. Everyone sees it on the pull's timeline."
          withAsterisk
          aria-required
          autosize
          minRows={3}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={missing ? 'Say what fixed it' : fieldError(mutation.error, 'note')}
        />
        <FormActions onCancel={onDone} submitLabel="Resolve pull" color="teal" loading={mutation.isPending} />
      </Stack>
    </form>
  );
}
