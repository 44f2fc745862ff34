import type { CatalogEntity, CreateCatalogEntity } from '@dayone/contracts';
import type { CatalogEntitiesTable, CatalogRelationsTable } from '../../platform/db/schema';

type Relations = Pick<CatalogRelationsTable, 'type' | 'target_ref'>[];

const targets = (relations: Relations, type: CatalogRelationsTable['type']) => relations.filter((r) => r.type === type).map((r) => r.target_ref);

export function presentEntity(row: CatalogEntitiesTable, relations: Relations, ownerTeam: string | null): CatalogEntity {
  return {
    ref: row.ref_key,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title,
    description: row.description,
    owner: row.owner_ref,
    ownerTeam,
    lifecycle: row.lifecycle,
    type: row.type,
    tier: row.tier,
    tags: JSON.parse(row.tags_json),
    links: JSON.parse(row.links_json),
    system: row.system_ref,
    domain: row.domain_ref,
    providesApis: targets(relations, 'providesApi'),
    consumesApis: targets(relations, 'consumesApi'),
    dependsOn: targets(relations, 'dependsOn'),
    definition: row.definition,
    labels: JSON.parse(row.labels_json),
    annotations: JSON.parse(row.annotations_json),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The editable fields of a stored entity, in the shape an API body takes (references in full form). */
export function entityAsInput(e: CatalogEntity): CreateCatalogEntity {
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  return {
    kind: e.kind,
    namespace: e.namespace,
    name: e.name,
    title: opt(e.title),
    description: opt(e.description),
    owner: opt(e.owner),
    lifecycle: opt(e.lifecycle),
    type: opt(e.type),
    tier: opt(e.tier),
    tags: e.tags,
    links: e.links,
    system: opt(e.system),
    domain: opt(e.domain),
    providesApis: e.providesApis,
    consumesApis: e.consumesApis,
    dependsOn: e.dependsOn,
    definition: opt(e.definition),
    labels: e.labels,
    annotations: e.annotations,
  };
}
