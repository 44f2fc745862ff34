import type { TeamDetail } from '@dayone/contracts';
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { TeamEditForm } from './team-edit-form';

/** Opens the edit dialog; a reload after a conflict re-creates the form from the fresh team. */
export function TeamEditButton({ team, onReload }: { team: TeamDetail; onReload: () => Promise<TeamDetail | undefined> }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [formKey, setFormKey] = useState(0);
  const reload = async () => {
    await onReload();
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        Edit team
      </Button>
      <Modal opened={opened} onClose={close} title={`Edit ${team.displayName}`} size="lg">
        <TeamEditForm key={formKey} team={team} onDone={close} onReload={reload} />
      </Modal>
    </>
  );
}
