import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { fieldError } from '../../ui/field-error';
import { PageHeader } from '../../ui/page-header';
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
  const exists = isApiError(mutation.error) && mutation.error.code === 'CATALOG_ENTITY_EXISTS';
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setKindMissing(!kind);
    if (kind) mutation.mutate(toCreateBody({ kind, name, namespace }, values));
  };
  return (
    <Stack maw={760}>
      <PageHeader title="Register an entity" description="Anyone may register a service, API, resource, system or domain for a team they belong to." />
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack>
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
            <Group justify="flex-end">
              <Button component={Link} to="/catalog" variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Register entity
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
