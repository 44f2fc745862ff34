import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { CatalogEntityDetail } from './catalog-api';
import { EntityEditForm } from './entity-edit-form';

/** Opens the edit dialog; a reload after a conflict re-creates the form from the fresh entity. */
export function EntityEditButton({ entity, onReload }: { entity: CatalogEntityDetail; onReload: () => Promise<unknown> }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [formKey, setFormKey] = useState(0);
  const reload = async () => {
    await onReload();
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title={`Edit ${entity.title ?? entity.name}`} size="xl">
        <EntityEditForm key={formKey} entity={entity} onDone={close} onReload={reload} />
      </Modal>
    </>
  );
}
