import { Group, List, Stack, Text, Title } from '@mantine/core';
import type { CatalogEntityDetail } from './catalog-api';
import { EntityRefLink } from './entity-ref-link';

type Relation = CatalogEntityDetail['relations'][number];
type RelationType = Relation['type'];

/** Each relation type, as a heading, in reading order; the first ones show even when empty. */
const groups: { type: RelationType; label: string; always?: boolean }[] = [
  { type: 'providesApi', label: 'Provides APIs', always: true },
  { type: 'consumesApi', label: 'Consumes APIs', always: true },
  { type: 'dependsOn', label: 'Depends on', always: true },
  { type: 'dependencyOf', label: 'Depended on by (directly)' },
  { type: 'apiProvidedBy', label: 'API provided by' },
  { type: 'apiConsumedBy', label: 'API consumed by' },
  { type: 'partOf', label: 'Part of' },
  { type: 'hasPart', label: 'Has part' },
  { type: 'ownedBy', label: 'Owned by' },
  { type: 'ownerOf', label: 'Owner of' },
];

/** Every relation of the entity, grouped by type; references to unregistered entities are marked. */
export function EntityRelations({ relations }: { relations: Relation[] }) {
  const dangling = relations.filter((r) => !r.exists).length;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Title order={2} size="h4">
          Relations
        </Title>
        {dangling > 0 && (
          <Text size="sm" c="orange.8">
            {dangling} {dangling === 1 ? 'reference is' : 'references are'} not in the catalog
          </Text>
        )}
      </Group>
      {groups.map(({ type, label, always }) => {
        const items = relations.filter((r) => r.type === type);
        if (!items.length && !always) return null;
        return (
          <section key={type} aria-label={label}>
            <Text fw={600} size="sm">
              {label}
            </Text>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                None
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {items.map((r) => (
                  <List.Item key={`${r.type}:${r.target}`}>
                    <EntityRefLink target={r.target} exists={r.exists} title={r.title} />
                  </List.Item>
                ))}
              </List>
            )}
          </section>
        );
      })}
    </Stack>
  );
}
