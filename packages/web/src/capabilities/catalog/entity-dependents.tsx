import { Badge, Group, List, Stack, Switch, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../ui/query-state';
import { catalogKeys, fetchDependents } from './catalog-api';
import { EntityRefLink } from './entity-ref-link';

const shown = 200;

/** What depends on this entity: directly, or through others when the toggle is on. */
export function EntityDependents({ entityRef }: { entityRef: string }) {
  const [transitive, setTransitive] = useState(false);
  const dependents = useQuery({
    queryKey: catalogKeys.dependents(entityRef, transitive),
    queryFn: () => fetchDependents(entityRef, transitive),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Dependents
        </Title>
        <Switch label="Show transitive dependents" checked={transitive} onChange={(e) => setTransitive(e.currentTarget.checked)} />
      </Group>
      <QueryState query={dependents}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing in the catalog depends on this{transitive ? ', directly or indirectly' : ''}.
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {items.length} {transitive ? 'directly or indirectly' : 'directly'}; a change or failure here can reach {items.length === 1 ? 'it' : 'them'}.
              </Text>
              <List size="sm" spacing={2}>
                {items.slice(0, shown).map((d) => (
                  <List.Item key={d.ref}>
                    <Group gap="xs">
                      <EntityRefLink target={d.ref} />
                      {transitive && (
                        <Badge size="xs" variant="light" color={d.depth === 1 ? 'blue' : 'gray'}>
                          {d.depth === 1 ? 'direct' : `${d.depth} steps away`}
                        </Badge>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
              {items.length > shown && (
                <Text size="sm" c="dimmed">
                  And {items.length - shown} more.
                </Text>
              )}
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
