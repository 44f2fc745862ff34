import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

type ConfirmButtonProps = ButtonProps & {
  /** Accessible name of the button that opens the confirmation. */
  label: string;
  title: string;
  message: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  children: React.ReactNode;
};

/** A button that asks for confirmation in a dialog before running a destructive action. */
export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, children, ...buttonProps }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, { open: start, close: stop }] = useDisclosure(false);
  const confirm = async () => {
    start();
    try {
      await onConfirm();
      close();
    } catch {
      close(); // the caller shows the error next to the button
    } finally {
      stop();
    }
  };
  return (
    <>
      <Button color="red" variant="light" {...buttonProps} aria-label={label} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title}>
        <Stack>
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={confirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
