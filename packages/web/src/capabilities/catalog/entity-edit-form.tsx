import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { CatalogEntityFields } from '@dayone/contracts';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { useVersionedEdit } from '../../ui/use-versioned-edit';
import { VersionConflictAlert } from '../../ui/version-conflict-alert';
import { updateEntity, type CatalogEntityDetail } from './catalog-api';
import { forbiddenTitle } from './catalog-problem';
import { shortRef } from './catalog-ref';
import { EntityFormFields } from './entity-form-fields';
import { changedFields, entityFieldNames, valuesOf } from './entity-form-values';
import { useCatalogCache } from './use-catalog-cache';

type EntityEditFormProps = { entity: CatalogEntityDetail; onDone: () => void; onReload: () => Promise<void> };

/** Sends only the changed fields, guarded by the version the form was opened with (If-Match). */
export function EntityEditForm({ entity, onDone, onReload }: EntityEditFormProps) {
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const cache = useCatalogCache();
  const { base, values, setValues, mutation, save, stale } = useVersionedEdit({
    item: entity,
    valuesOf,
    send: (base, changes: CatalogEntityFields) => updateEntity(base.ref, base.version, changes),
    written: cache.written,
    onDone,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { changes, cannotClear } = changedFields(valuesOf(base), values);
    setLocalErrors(Object.fromEntries(cannotClear.map((f) => [f, 'Once set, this can be changed but not emptied'])));
    if (cannotClear.length === 0) save(changes);
  };

  const owner = base.ownerTeam ? { value: base.ownerTeam, label: base.ownerTeam } : base.owner ? { value: base.owner, label: `${shortRef(base.owner)} (not a team here)` } : null;
  return (
    <form onSubmit={submit}>
      <Stack>
        {stale ? (
          <VersionConflictAlert thing="entity" current="entry" onReload={onReload} />
        ) : (
          <ProblemAlert error={mutation.error} fields={entityFieldNames} title={forbiddenTitle(mutation.error)} />
        )}
        <EntityFormFields kind={base.kind} value={values} onChange={setValues} error={mutation.error} localErrors={localErrors} initialOwner={owner} />
        <FormActions onCancel={onDone} submitLabel="Save changes" loading={mutation.isPending} />
      </Stack>
    </form>
  );
}
