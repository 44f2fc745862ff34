import type { CatalogEntityFields, CreateCatalogEntity } from '@dayone/contracts';
import type { CatalogEntityDetail, CatalogKind, Lifecycle } from './catalog-api';

/** What the register and edit forms hold; references are kept as the server writes them. */
export type EntityFormValues = {
  title: string;
  description: string;
  owner: string | null;
  lifecycle: Lifecycle | null;
  type: string;
  tier: string;
  tags: string[];
  links: string;
  system: string | null;
  domain: string | null;
  dependsOn: string[];
  providesApis: string[];
  consumesApis: string[];
  definition: string;
};

export const entityFieldNames = [
  'title', 'description', 'owner', 'lifecycle', 'type', 'tier', 'tags', 'links',
  'system', 'domain', 'dependsOn', 'providesApis', 'consumesApis', 'definition',
];

export const emptyEntityValues: EntityFormValues = {
  title: '', description: '', owner: null, lifecycle: null, type: '', tier: '', tags: [], links: '',
  system: null, domain: null, dependsOn: [], providesApis: [], consumesApis: [], definition: '',
};

export function valuesOf(e: CatalogEntityDetail): EntityFormValues {
  return {
    title: e.title ?? '',
    description: e.description ?? '',
    owner: e.ownerTeam ?? e.owner,
    lifecycle: e.lifecycle,
    type: e.type ?? '',
    tier: e.tier ?? '',
    tags: e.tags,
    links: e.links.map((l) => (l.title ? `${l.url} ${l.title}` : l.url)).join('\n'),
    system: e.system,
    domain: e.domain,
    dependsOn: e.dependsOn,
    providesApis: e.providesApis,
    consumesApis: e.consumesApis,
    definition: e.definition ?? '',
  };
}

/** "https://… Title words" per line, as the links box shows them. */
export function parseLinks(text: string): { url: string; title?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url, ...title] = line.split(/\s+/);
      return title.length ? { url, title: title.join(' ') } : { url };
    });
}

const text = (value: string) => value.trim() || undefined;

/** The body of a new entity: empty fields are left out. */
export function toCreateBody(identity: { kind: CatalogKind; name: string; namespace: string }, v: EntityFormValues): CreateCatalogEntity {
  const links = parseLinks(v.links);
  return {
    kind: identity.kind,
    name: identity.name.trim(),
    namespace: text(identity.namespace),
    title: text(v.title),
    description: text(v.description),
    owner: v.owner ?? undefined,
    lifecycle: v.lifecycle ?? undefined,
    type: text(v.type),
    tier: text(v.tier),
    tags: v.tags.length ? v.tags : undefined,
    links: links.length ? links : undefined,
    system: v.system ?? undefined,
    domain: v.domain ?? undefined,
    dependsOn: v.dependsOn.length ? v.dependsOn : undefined,
    providesApis: v.providesApis.length ? v.providesApis : undefined,
    consumesApis: v.consumesApis.length ? v.consumesApis : undefined,
    definition: text(v.definition),
  };
}

/** Fields the API cannot empty once set (it keeps what an edit leaves out, and takes no null). */
const notClearable = ['owner', 'lifecycle', 'system', 'domain'] as const;

/** An edit's changes, or the fields that were cleared though the server cannot clear them. */
export function changedFields(before: EntityFormValues, after: EntityFormValues): { changes: CatalogEntityFields; cannotClear: string[] } {
  const cannotClear = notClearable.filter((f) => before[f] !== null && after[f] === null);
  const changes: CatalogEntityFields = {};
  const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (after.title.trim() !== before.title) changes.title = after.title.trim();
  if (after.description !== before.description) changes.description = after.description;
  if (after.owner !== before.owner && after.owner) changes.owner = after.owner;
  if (after.lifecycle !== before.lifecycle && after.lifecycle) changes.lifecycle = after.lifecycle;
  if (after.type.trim() !== before.type) changes.type = after.type.trim();
  if (after.tier.trim() !== before.tier) changes.tier = after.tier.trim();
  if (!sameList(after.tags, before.tags)) changes.tags = after.tags;
  if (after.links !== before.links) changes.links = parseLinks(after.links);
  if (after.system !== before.system && after.system) changes.system = after.system;
  if (after.domain !== before.domain && after.domain) changes.domain = after.domain;
  if (!sameList(after.dependsOn, before.dependsOn)) changes.dependsOn = after.dependsOn;
  if (!sameList(after.providesApis, before.providesApis)) changes.providesApis = after.providesApis;
  if (!sameList(after.consumesApis, before.consumesApis)) changes.consumesApis = after.consumesApis;
  if (after.definition !== before.definition) changes.definition = after.definition;
  return { changes, cannotClear };
}
