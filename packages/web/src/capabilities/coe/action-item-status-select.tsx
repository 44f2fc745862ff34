import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { updateActionItem, type ActionItem, type ActionItemChanges, type ActionItemStatus } from './coe-api';
import { actionItemStatusOptions } from './coe-labels';
import { coeProblemTitle } from './coe-problem';
import { useCoeCache } from './use-coe-cache';

/** Changes an action item's status, guarded by its version; "won't do" first asks why. */
export function ActionItemStatusSelect({ item, disabled }: { item: ActionItem; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const cache = useCoeCache();
  const mutation = useMutation({
    mutationFn: (changes: ActionItemChanges) => updateActionItem(item.coe, item.id, item.version, changes),
    onSuccess: () => {
      setAsking(false);
      setReason('');
      cache.changed(item.coe);
    },
    // A refusal because someone changed it first (412) is cured by showing the item as it is now.
    onError: () => cache.changed(item.coe),
  });
  const choose = (status: string | null) => {
    if (!status || status === item.status) return;
    mutation.reset();
    if (status === 'wont_do') setAsking(true);
    else mutation.mutate({ status: status as ActionItemStatus });
  };
  const submitReason = (event: React.FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    setReasonMissing(!text);
    if (text) mutation.mutate({ status: 'wont_do', wontDoReason: text });
  };
  return (
    <>
      <Select
        label="Status"
        aria-label={`Status of ${item.title}`}
        size="xs"
        data={actionItemStatusOptions}
        value={item.status}
        onChange={choose}
        allowDeselect={false}
        disabled={disabled || mutation.isPending}
        error={!asking && mutation.error ? coeProblemTitle(mutation.error) ?? mutation.error.message : undefined}
        w={150}
      />
      <Modal opened={asking} onClose={() => setAsking(false)} title={`Won’t do: ${item.title}`}>
        <form onSubmit={submitReason}>
          <Stack>
            <ProblemAlert error={mutation.error} fields={['wontDoReason']} title={coeProblemTitle(mutation.error)} />
            <Textarea
              label="Why it won’t be done"
              description="Everyone reading the COE will see this, so say what makes it unnecessary or what replaces it."
              withAsterisk
              aria-required
              autosize
              minRows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonMissing ? 'Say why it won’t be done' : fieldError(mutation.error, 'wontDoReason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Mark won’t do
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
