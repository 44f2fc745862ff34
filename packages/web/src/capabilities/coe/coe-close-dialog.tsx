import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { ActionItemsTable } from './action-items-table';
import { closeCoe, type CoeDetail } from './coe-api';
import { isOpenItem } from './coe-labels';
import { coeProblemTitle } from './coe-problem';
import { useCoeCache } from './use-coe-cache';

/** Closes a reviewed COE. When action items are still open the server refuses, and they are listed here,
 *  each with its status, so they can be finished (or given up with a reason) on the spot. */
export function CoeCloseButton({ coe }: { coe: CoeDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const cache = useCoeCache();
  const mutation = useMutation({
    mutationFn: () => closeCoe(coe.number),
    onSuccess: (fresh) => {
      close();
      cache.written(fresh);
    },
    // The open items are read fresh, so the list below matches what the server refused on.
    onError: () => cache.changed(coe.number),
  });
  const openItems = coe.actionItems.filter((i) => isOpenItem(i.status));
  const blockedByItems = isApiError(mutation.error) && mutation.error.code === 'COE_HAS_OPEN_ACTION_ITEMS';
  return (
    <>
      <Button
        variant="light"
        color="teal"
        onClick={() => {
          mutation.reset();
          open();
        }}
      >
        Close COE
      </Button>
      <Modal opened={opened} onClose={close} title={`Close COE #${coe.number}`} size="xl">
        <Stack>
          <Text size="sm">
            Closing says the COE is reviewed and every action item is done or won’t be done. A closed COE is kept as it is for others to learn from.
          </Text>
          {blockedByItems ? (
            <Alert color="orange" title={openItems.length > 0 ? `${openItems.length} action item${openItems.length === 1 ? ' is' : 's are'} still open` : 'Every action item is closed now'}>
              {openItems.length > 0 ? 'Finish them, or mark them won’t do with a reason, then close the COE.' : 'Close the COE again.'}
            </Alert>
          ) : (
            <ProblemAlert error={mutation.error} title={coeProblemTitle(mutation.error)} />
          )}
          {blockedByItems && openItems.length > 0 && <ActionItemsTable items={openItems} label="Open action items" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="teal" loading={mutation.isPending} onClick={() => mutation.mutate()}>
              Close the COE
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
