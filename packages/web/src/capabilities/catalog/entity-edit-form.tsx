import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { CatalogEntityFields } from '@dayone/contracts';
import { isApiError } from '../../api/api-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { updateEntity, type CatalogEntityDetail } from './catalog-api';
import { forbiddenTitle } from './catalog-problem';
import { shortRef } from './catalog-ref';
import { EntityFormFields } from './entity-form-fields';
import { changedFields, entityFieldNames, valuesOf } from './entity-form-values';
import { useCatalogCache } from './use-catalog-cache';

type EntityEditFormProps = { entity: CatalogEntityDetail; onDone: () => void; onReload: () => Promise<void> };

/** Sends only the changed fields, guarded by the version the form was opened with (If-Match). */
export function EntityEditForm({ entity, onDone, onReload }: EntityEditFormProps) {
  const [base] = useState(entity);
  const [values, setValues] = useState(() => valuesOf(entity));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const cache = useCatalogCache();
  const mutation = useMutation({
    mutationFn: (changes: CatalogEntityFields) => updateEntity(base.ref, base.version, changes),
    onSuccess: (fresh) => {
      cache.written(fresh);
      onDone();
    },
  });
  const stale = isApiError(mutation.error) && mutation.error.status === 412;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { changes, cannotClear } = changedFields(valuesOf(base), values);
    setLocalErrors(Object.fromEntries(cannotClear.map((f) => [f, 'Once set, this can be changed but not emptied'])));
    if (cannotClear.length) return;
    if (Object.keys(changes).length === 0) onDone();
    else mutation.mutate(changes);
  };

  const owner = base.ownerTeam ? { value: base.ownerTeam, label: base.ownerTeam } : base.owner ? { value: base.owner, label: `${shortRef(base.owner)} (not a team here)` } : null;
  return (
    <form onSubmit={submit}>
      <Stack>
        {stale ? (
          <Alert color="yellow" title="Someone else changed this entity">
            Your changes were not saved, so nothing of theirs was overwritten. Reload to see the current entry, then make your changes again.
            <Group mt="sm">
              <Button size="xs" onClick={() => void onReload()}>
                Reload entity
              </Button>
            </Group>
          </Alert>
        ) : (
          <ProblemAlert error={mutation.error} fields={entityFieldNames} title={forbiddenTitle(mutation.error)} />
        )}
        <EntityFormFields kind={base.kind} value={values} onChange={setValues} error={mutation.error} localErrors={localErrors} initialOwner={owner} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
