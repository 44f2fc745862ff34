import { Button, Modal, type MantineSize } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';

/** What the dialog gives its form: a key that changes after a reload, so the form starts again from the fresh data. */
export type EditDialogForm = { formKey: number; close: () => void; reload: () => Promise<void> };

type EditDialogButtonProps = {
  label: string;
  title: string;
  size: MantineSize;
  onReload: () => Promise<unknown>;
  children: (form: EditDialogForm) => React.ReactNode;
};

/** Opens an edit dialog; a reload after a conflict re-creates the form from the fresh data. */
export function EditDialogButton({ label, title, size, onReload, children }: EditDialogButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const [formKey, setFormKey] = useState(0);
  const reload = async () => {
    await onReload();
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} size={size}>
        {children({ formKey, close, reload })}
      </Modal>
    </>
  );
}
