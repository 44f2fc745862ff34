import { Button, Modal, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AndonPull, PullTarget } from './andon-api';
import { PullCordForm } from './pull-cord-form';

type PullCordButtonProps = ButtonProps & {
  target: PullTarget;
  /** What the pull stops, in words, e.g. "checkout" or "team payments". */
  what: string;
  label?: string;
  onPulled?: (pull: AndonPull) => void;
};

/** A red button that opens the form to pull the andon cord on a service, system or team. */
export function PullCordButton({ target, what, label = 'Pull the andon cord', onPulled, ...buttonProps }: PullCordButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" {...buttonProps} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={`Pull the andon cord on ${what}`} size="lg">
        <PullCordForm
          target={target}
          what={what}
          onCancel={close}
          onDone={(pull) => {
            close();
            onPulled?.(pull);
          }}
        />
      </Modal>
    </>
  );
}
