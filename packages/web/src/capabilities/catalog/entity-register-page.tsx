import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { hasErrorCode } from '../../ui/api-error-code';
import { CreatePageForm } from '../../ui/create-page-form';
import { fieldError } from '../../ui/field-error';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { createEntity, kindOptions, type CatalogKind } from './catalog-api';
import { forbiddenTitle } from './catalog-problem';
import { entityPath } from './catalog-ref';
import { EntityFormFields } from './entity-form-fields';
import { emptyEntityValues, entityFieldNames, toCreateBody } from './entity-form-values';
import { useCatalogCache } from './use-catalog-cache';

export function EntityRegisterPage() {
  const [kind, setKind] = useState<CatalogKind | null>('Component');
  const [name, setName] = useState('');
  const [namespace, setNamespace] = useState('');
  const [values, setValues] = useState(emptyEntityValues);
  const [kindMissing, setKindMissing] = useState(false);
  const navigate = useNavigate();
  const cache = useCatalogCache();
  const mutation = useMutation({
    mutationFn: createEntity,
    onSuccess: (entity) => {
      cache.written(entity);
      notifications.show({ color: 'teal', message: `${entity.kind} ${entity.title ?? entity.name} registered` });
      navigate(entityPath(entity.ref));
    },
  });
  const exists = hasErrorCode(mutation.error, 'CATALOG_ENTITY_EXISTS');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setKindMissing(!kind);
    if (kind) mutation.mutate(toCreateBody({ kind, name, namespace }, values));
  };
  return (
    <CreatePageForm title="Register an entity" description="Anyone may register a service, API, resource, system or domain for a team they belong to." maw={760} onSubmit={submit}>
      <ProblemAlert error={exists ? null : mutation.error} fields={['kind', 'name', 'namespace', ...entityFieldNames]} title={forbiddenTitle(mutation.error)} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Kind"
          required
          data={kindOptions}
          value={kind}
          onChange={(v) => setKind(v as CatalogKind | null)}
          error={kindMissing ? 'Choose a kind' : fieldError(mutation.error, 'kind')}
        />
        <TextInput
          label="Name"
          description="Letters and digits separated by -, _ or ."
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={exists ? mutation.error?.message : fieldError(mutation.error, 'name')}
        />
        <TextInput label="Namespace" placeholder="default" value={namespace} onChange={(e) => setNamespace(e.currentTarget.value)} error={fieldError(mutation.error, 'namespace')} />
      </SimpleGrid>
      <EntityFormFields kind={kind} value={values} onChange={setValues} error={mutation.error} />
      <FormActions cancelTo="/catalog" submitLabel="Register entity" loading={mutation.isPending} />
    </CreatePageForm>
  );
}
