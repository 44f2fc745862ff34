import { Alert, Button, Group } from '@mantine/core';
import { isApiError } from '../api/api-error';

/** Whether a guarded write failed because someone else changed the thing first (412, If-Match). */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}

type VersionConflictAlertProps = { thing: string; current: string; onReload: () => Promise<void> };

/** Says an edit was not saved because of someone else's change, and offers to reload. */
export function VersionConflictAlert({ thing, current, onReload }: VersionConflictAlertProps) {
  return (
    <Alert color="yellow" title={`Someone else changed this ${thing}`}>
      Your changes were not saved, so nothing of theirs was overwritten. Reload to see the current {current}, then make your changes again.
      <Group mt="sm">
        <Button size="xs" onClick={() => void onReload()}>
          Reload {thing}
        </Button>
      </Group>
    </Alert>
  );
}
