import { Anchor, Badge, Button, Code, Divider, Group, ScrollArea, Spoiler, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { Fact } from '../../ui/fact';
import { formatDateTime } from '../../ui/format-date';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { WatchButton } from '../notifications/watch-button';
import { catalogKeys, fetchEntity, type CatalogEntityDetail } from './catalog-api';
import { forbiddenTitle } from './catalog-problem';
import { formatEntityRef, shortRef } from './catalog-ref';
import { EntityDependents } from './entity-dependents';
import { EntityEditButton } from './entity-edit-button';
import { EntityPlaceholders } from './entity-placeholders';
import { EntityRefLink } from './entity-ref-link';
import { EntityRelations } from './entity-relations';
import { EntityRetireButton } from './entity-retire-button';
import { LifecycleBadge } from './lifecycle-badge';
import { OwnerLink } from './owner-link';

export function EntityPage() {
  const { kind = '', namespace = '', name = '' } = useParams();
  const ref = formatEntityRef({ kind, namespace, name });
  const entity = useQuery({ queryKey: catalogKeys.one(ref), queryFn: () => fetchEntity(ref) });
  const [retireError, setRetireError] = useState<unknown>(null);
  const reload = () => entity.refetch();
  return (
    <QueryState query={entity}>
      {(e) => (
        <Stack>
          <PageHeader
            title={e.title ?? e.name}
            description={shortRef(e.ref)}
            actions={
              <>
                <WatchButton kind="service" name={e.ref} what={e.title ?? e.name} />
                <Button component={Link} to={`/architecture?focus=${encodeURIComponent(e.ref)}`} variant="subtle">
                  Show in graph
                </Button>
                <EntityEditButton entity={e} onReload={reload} />
                <EntityRetireButton entity={e} onError={setRetireError} />
              </>
            }
          />
          <EntityBadges entity={e} />
          <ProblemAlert error={retireError} title={retireErrorTitle(retireError)} />
          <Text>{e.description || <Text span c="dimmed">No description written yet.</Text>}</Text>
          <EntityFacts entity={e} />
          <EntityPlaceholders entity={e} />
          <Divider />
          <EntityRelations relations={e.relations} />
          <Divider />
          <EntityDependents entityRef={e.ref} />
          {e.definition && <ApiDefinition definition={e.definition} />}
        </Stack>
      )}
    </QueryState>
  );
}

function retireErrorTitle(error: unknown): string | undefined {
  if (isApiError(error) && error.status === 412) return 'Someone else changed this entity; reload the page before retiring it';
  return forbiddenTitle(error) ?? (isApiError(error) ? 'The entity was not retired' : undefined);
}

function EntityBadges({ entity }: { entity: CatalogEntityDetail }) {
  return (
    <Group gap="xs" mt={-16}>
      <Badge variant="light">{entity.kind}</Badge>
      {entity.type && (
        <Badge variant="outline" color="gray">
          type: {entity.type}
        </Badge>
      )}
      {entity.lifecycle && <LifecycleBadge lifecycle={entity.lifecycle} />}
      {entity.tier && (
        <Badge variant="outline" color="indigo">
          tier {entity.tier}
        </Badge>
      )}
    </Group>
  );
}

function EntityFacts({ entity: e }: { entity: CatalogEntityDetail }) {
  const related = (target: string | null) => e.relations.find((r) => r.target === target && (r.type === 'ownedBy' || r.type === 'partOf'));
  const partOf = (target: string | null) =>
    target ? <EntityRefLink target={target} exists={related(target)?.exists ?? true} title={related(target)?.title} /> : 'None';
  return (
    <Stack gap={4}>
      <Fact labelWidth={100} label="Owner">
        <OwnerLink owner={e.owner} ownerTeam={e.ownerTeam} exists={e.ownerTeam ? true : related(e.owner)?.exists ?? false} />
      </Fact>
      <Fact labelWidth={100} label="System">{partOf(e.system)}</Fact>
      {(e.kind === 'System' || e.domain) && <Fact labelWidth={100} label="Domain">{partOf(e.domain)}</Fact>}
      <Fact labelWidth={100} label="Tags">
        {e.tags.length === 0 ? (
          'None'
        ) : (
          <Group gap={4}>
            {e.tags.map((t) => (
              <Badge key={t} component={Link} to={`/catalog?tag=${encodeURIComponent(t)}`} size="sm" variant="outline" color="gray" style={{ cursor: 'pointer' }}>
                {t}
              </Badge>
            ))}
          </Group>
        )}
      </Fact>
      <Fact labelWidth={100} label="Links">
        {e.links.length === 0 ? (
          'None'
        ) : (
          <Group gap="sm">
            {e.links.map((l) => (
              <Anchor key={l.url} href={l.url} target="_blank" rel="noreferrer noopener">
                {l.title ?? l.url}
              </Anchor>
            ))}
          </Group>
        )}
      </Fact>
      <Fact labelWidth={100} label="Updated">
        {formatDateTime(e.updatedAt)} (version {e.version})
      </Fact>
    </Stack>
  );
}

function ApiDefinition({ definition }: { definition: string }) {
  return (
    <>
      <Divider />
      <Text fw={600}>API definition</Text>
      <Spoiler maxHeight={160} showLabel="Show the whole definition" hideLabel="Show less">
        <ScrollArea>
          <Code block>{definition}</Code>
        </ScrollArea>
      </Spoiler>
    </>
  );
}
