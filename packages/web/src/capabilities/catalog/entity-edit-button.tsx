import { EditDialogButton } from '../../ui/edit-dialog-button';
import type { CatalogEntityDetail } from './catalog-api';
import { EntityEditForm } from './entity-edit-form';

/** Opens the edit dialog; a reload after a conflict re-creates the form from the fresh entity. */
export function EntityEditButton({ entity, onReload }: { entity: CatalogEntityDetail; onReload: () => Promise<unknown> }) {
  return (
    <EditDialogButton label="Edit" title={`Edit ${entity.title ?? entity.name}`} size="xl" onReload={onReload}>
      {({ formKey, close, reload }) => <EntityEditForm key={formKey} entity={entity} onDone={close} onReload={reload} />}
    </EditDialogButton>
  );
}
