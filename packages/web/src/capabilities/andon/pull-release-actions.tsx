import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { acknowledgePull, type AndonPull } from './andon-api';
import { PullOverrideForm } from './pull-override-form';
import { PullResolveForm } from './pull-resolve-form';
import { useAndonCache } from './use-andon-cache';

/** Acknowledge, Resolve and Override buttons of an open pull, for its owning team and admins.
 *  A refused acknowledgement is reported through `onError`. */
export function PullReleaseActions({ pull, onError }: { pull: AndonPull; onError: (error: unknown) => void }) {
  const [resolving, resolve] = useDisclosure(false);
  const [overriding, override] = useDisclosure(false);
  const cache = useAndonCache();
  const acknowledge = useMutation({
    mutationFn: () => acknowledgePull(pull.id),
    onMutate: () => onError(null),
    onSuccess: () => cache.changed(),
    onError: (error) => {
      onError(error);
      cache.changed();
    },
  });
  if (pull.status === 'resolved') return null;
  return (
    <>
      {pull.status === 'active' && (
        <Button color="orange" loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
          Acknowledge
        </Button>
      )}
      <Button color="teal" onClick={resolve.open}>
        Resolve
      </Button>
      <Button color="orange" variant="light" onClick={override.open}>
        Override
      </Button>
      <Modal opened={resolving} onClose={resolve.close} title={`Resolve pull #${pull.number}`} size="lg">
        <PullResolveForm pull={pull} onDone={resolve.close} />
      </Modal>
      <Modal opened={overriding} onClose={override.close} title={`Let deploys through despite pull #${pull.number}`} size="lg">
        <PullOverrideForm pull={pull} onDone={override.close} />
      </Modal>
    </>
  );
}
