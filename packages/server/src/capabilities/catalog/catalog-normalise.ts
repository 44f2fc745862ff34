import type { CatalogEntityFields, CreateCatalogEntity } from '@dayone/contracts';
import type { CatalogEntitiesTable, CatalogRelationsTable } from '../../platform/db/schema';
import { fieldError } from '../../platform/errors/app-error';
import { sha256 } from '../../platform/ids';
import { DEFAULT_NAMESPACE, formatRef, parseRef, RefError } from './entity-ref';

/** The entity columns that come from what a person wrote (no id, version or times). */
export type EntityContent = Omit<CatalogEntitiesTable, 'id' | 'version' | 'created_at' | 'updated_at'>;
export type RelationContent = Pick<CatalogRelationsTable, 'type' | 'target_ref'>;

export interface NormalisedEntity {
  content: EntityContent;
  relations: RelationContent[];
}

/** Which kind a reference in each field means when it names none (Backstage's defaults). */
const DEFAULT_KINDS = { owner: 'group', system: 'system', domain: 'domain', providesApis: 'api', consumesApis: 'api', dependsOn: undefined } as const;

function refIn(field: keyof typeof DEFAULT_KINDS, text: string, namespace: string, path = field as string): string {
  try {
    return formatRef(parseRef(text, { defaultKind: DEFAULT_KINDS[field], defaultNamespace: namespace }));
  } catch (error) {
    if (error instanceof RefError) throw fieldError(path, error.message);
    throw error;
  }
}

const sorted = <T>(values: T[]): T[] => [...values].sort();
const uniqueRefs = (field: 'providesApis' | 'consumesApis' | 'dependsOn', list: string[] | undefined, namespace: string) =>
  sorted([...new Set((list ?? []).map((text, i) => refIn(field, text, namespace, `${field}.${i}`)))]);

const sortedRecord = (r: Record<string, string> | undefined) => JSON.stringify(Object.fromEntries(Object.entries(r ?? {}).sort(([a], [b]) => a.localeCompare(b))));

/** Turns an API body or an imported document into rows, resolving every reference in its context. */
export function normaliseEntity(input: CreateCatalogEntity): NormalisedEntity {
  const namespace = (input.namespace ?? DEFAULT_NAMESPACE).toLowerCase();
  const owner = input.owner ? refIn('owner', input.owner, namespace) : null;
  const ownerParsed = owner ? parseRef(owner, {}) : null;
  const system = input.system ? refIn('system', input.system, namespace) : null;
  const domain = input.domain ? refIn('domain', input.domain, namespace) : null;
  const provides = uniqueRefs('providesApis', input.providesApis, namespace);
  const consumes = uniqueRefs('consumesApis', input.consumesApis, namespace);
  const dependsOn = uniqueRefs('dependsOn', input.dependsOn, namespace);
  const content: Omit<EntityContent, 'content_hash'> = {
    ref_key: formatRef({ kind: input.kind, namespace, name: input.name }),
    kind: input.kind,
    namespace,
    name: input.name,
    title: input.title ?? null,
    description: input.description ?? null,
    owner_ref: owner,
    owner_group: ownerParsed?.kind === 'group' ? ownerParsed.name : null,
    lifecycle: input.lifecycle ?? null,
    type: input.type ?? null,
    tier: input.tier ?? null,
    tags_json: JSON.stringify(sorted([...new Set(input.tags ?? [])])),
    links_json: JSON.stringify(input.links ?? []),
    system_ref: system,
    domain_ref: domain,
    definition: input.definition ?? null,
    labels_json: sortedRecord(input.labels),
    annotations_json: sortedRecord(input.annotations),
  };
  const relations: RelationContent[] = [
    ...dependsOn.map((target_ref) => ({ type: 'dependsOn' as const, target_ref })),
    ...provides.map((target_ref) => ({ type: 'providesApi' as const, target_ref })),
    ...consumes.map((target_ref) => ({ type: 'consumesApi' as const, target_ref })),
    ...(system ? [{ type: 'partOf' as const, target_ref: system }] : []),
    ...(domain ? [{ type: 'partOf' as const, target_ref: domain }] : []),
  ];
  // The hash covers the relations too: a change of dependencies alone is a change.
  return { content: { ...content, content_hash: sha256(JSON.stringify({ ...content, relations })) }, relations };
}

/** Applies a partial edit to an entity's current fields, keeping what the edit leaves out. */
export function mergeFields(current: CreateCatalogEntity, patch: CatalogEntityFields): CreateCatalogEntity {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) merged[key] = value;
  return merged as CreateCatalogEntity;
}
