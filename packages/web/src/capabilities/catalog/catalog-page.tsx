import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../ui/load-more-button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { catalogExportUrl, catalogKeys, fetchEntities, type CatalogFilters, type CatalogListItem } from './catalog-api';
import { CatalogFilterBar } from './catalog-filters';
import { entityPath } from './catalog-ref';
import { LifecycleBadge } from './lifecycle-badge';
import { OwnerLink } from './owner-link';
import { useCatalogFilters } from './use-catalog-filters';

/** The catalog, searched and filtered on the server a page at a time, so it stays quick at any size. */
export function CatalogPage() {
  const { filters, setFilter, clear, active } = useCatalogFilters();
  const query = withoutEmpty(filters);
  const entities = useInfiniteQuery({
    queryKey: [...catalogKeys.list(query), 'pages'],
    queryFn: ({ pageParam }) => fetchEntities(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = entities.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <PageHeader
        title="Catalog"
        description="Every service, API, resource, system and domain, with the team that owns it."
        actions={
          <>
            <Button component={Link} to="/catalog/new">
              Register entity
            </Button>
            <Button component={Link} to="/catalog/import" variant="default">
              Import YAML
            </Button>
            <Button component="a" href={catalogExportUrl} download="catalog-info.yaml" variant="default" title="Download catalog-info.yaml">
              Export YAML
            </Button>
          </>
        }
      />
      <CatalogFilterBar filters={filters} onChange={setFilter} onClear={clear} active={active} />
      <ProblemAlert error={entities.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="Catalog entities" style={{ opacity: entities.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Lifecycle</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>System</Table.Th>
              <Table.Th>Tags</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entity) => (
              <CatalogRow key={entity.ref} entity={entity} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {entities.isSuccess && items.length === 0 && (
        <Text c="dimmed">{active || filters.q ? 'Nothing in the catalog matches.' : 'The catalog is empty. Register an entity or import a catalog-info.yaml.'}</Text>
      )}
      <LoadMoreButton hasMore={entities.hasNextPage} loading={entities.isFetchingNextPage} onLoadMore={() => entities.fetchNextPage()} />
    </Stack>
  );
}

function CatalogRow({ entity }: { entity: CatalogListItem }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={entityPath(entity.ref)}>
          {entity.title ?? entity.name}
        </Anchor>
        {entity.title && (
          <Text size="xs" c="dimmed">
            {entity.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" size="sm">
            {entity.kind}
          </Badge>
          {entity.type && (
            <Text size="xs" c="dimmed">
              {entity.type}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{entity.lifecycle ? <LifecycleBadge lifecycle={entity.lifecycle} /> : '—'}</Table.Td>
      <Table.Td>
        <OwnerLink owner={entity.owner} ownerTeam={entity.ownerTeam} />
      </Table.Td>
      <Table.Td>{entity.system ? <Anchor component={Link} to={entityPath(entity.system)}>{entity.system.split('/').pop()}</Anchor> : '—'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {entity.tags.map((t) => (
            <Badge key={t} size="xs" variant="outline" color="gray">
              {t}
            </Badge>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function withoutEmpty(filters: CatalogFilters): Partial<CatalogFilters> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Partial<CatalogFilters>;
}
