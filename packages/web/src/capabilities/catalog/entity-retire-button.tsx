import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../ui/confirm-button';
import { retireEntity, type CatalogEntityDetail } from './catalog-api';
import { useCatalogCache } from './use-catalog-cache';

/** Retires the entity after confirmation; the caller shows `onError`'s problem (not the owner, stale version). */
export function EntityRetireButton({ entity, onError }: { entity: CatalogEntityDetail; onError: (error: unknown) => void }) {
  const navigate = useNavigate();
  const cache = useCatalogCache();
  const mutation = useMutation({
    mutationFn: () => retireEntity(entity.ref, entity.version),
    onMutate: () => onError(null),
    onSuccess: () => {
      cache.removed(entity.ref);
      notifications.show({ color: 'teal', message: `${entity.title ?? entity.name} retired` });
      navigate('/catalog');
    },
    onError,
  });
  return (
    <ConfirmButton
      label="Retire"
      title={`Retire ${entity.title ?? entity.name}?`}
      message="It leaves the catalog. Whatever still refers to it will show that reference as not in the catalog."
      confirmLabel="Yes, retire it"
      onConfirm={() => mutation.mutateAsync()}
    >
      Retire
    </ConfirmButton>
  );
}
