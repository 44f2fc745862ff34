import { z } from 'zod';
import { entityName, isoDateTime, linkUrl, pageQuery, page } from './common';

/** Kinds Day One keeps in its catalog (Group and User become teams and people). */
export const catalogKinds = ['Component', 'API', 'Resource', 'System', 'Domain'] as const;
export const catalogKind = z.enum(catalogKinds);
export type CatalogKind = z.infer<typeof catalogKind>;

export const lifecycles = ['experimental', 'production', 'deprecated'] as const;
export const lifecycle = z.enum(lifecycles);

/** An entity reference `[kind:][namespace/]name`, case-insensitive (Backstage's rules). */
export const entityRefString = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?:[A-Za-z][A-Za-z0-9]*:)?(?:[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*\/)?[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/, 'must be an entity reference [kind:][namespace/]name');

export const tag = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$/, 'must be lower-case letters, digits, ":", "+" or "#", separated by single "-"');

export const link = z.strictObject({
  url: linkUrl,
  title: z.string().max(200).optional(),
  icon: z.string().max(100).optional(),
  type: z.string().max(100).optional(),
});

const refList = z.array(entityRefString).max(1000);

/** The fields a person edits; the same shape is what a catalog-info.yaml maps to. */
export const catalogEntityFields = z.strictObject({
  title: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  owner: entityRefString.optional(),
  lifecycle: lifecycle.optional(),
  type: z.string().max(100).optional(),
  tier: z.string().max(50).optional(),
  tags: z.array(tag).max(100).optional(),
  links: z.array(link).max(100).optional(),
  system: entityRefString.optional(),
  domain: entityRefString.optional(),
  providesApis: refList.optional(),
  consumesApis: refList.optional(),
  dependsOn: refList.optional(),
  definition: z.string().max(1_000_000).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
export type CatalogEntityFields = z.infer<typeof catalogEntityFields>;

export const createCatalogEntityBody = catalogEntityFields.extend({
  kind: catalogKind,
  namespace: entityName.optional(),
  name: entityName,
});
export type CreateCatalogEntity = z.infer<typeof createCatalogEntityBody>;

export const patchCatalogEntityBody = catalogEntityFields;

export const relationTypes = [
  'ownedBy', 'ownerOf', 'dependsOn', 'dependencyOf', 'partOf', 'hasPart',
  'providesApi', 'apiProvidedBy', 'consumesApi', 'apiConsumedBy',
] as const;

export const relation = z.object({
  type: z.enum(relationTypes),
  target: z.string().describe('entity reference kind:namespace/name, lower case'),
  /** False when the referenced entity is not in the catalog (a dangling reference). */
  exists: z.boolean(),
  title: z.string().nullable(),
});

export const catalogEntity = z.object({
  ref: z.string(),
  kind: catalogKind,
  namespace: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  owner: z.string().nullable().describe('owner reference, e.g. group:default/payments'),
  ownerTeam: z.string().nullable().describe('the Day One team that owns it, when the owner resolves to one'),
  lifecycle: lifecycle.nullable(),
  type: z.string().nullable(),
  tier: z.string().nullable(),
  tags: z.array(z.string()),
  // Read back as stored: links saved before script URLs were refused must not break reading the entity.
  links: z.array(link.extend({ url: z.string() })),
  system: z.string().nullable(),
  domain: z.string().nullable(),
  providesApis: z.array(z.string()),
  consumesApis: z.array(z.string()),
  dependsOn: z.array(z.string()),
  definition: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CatalogEntity = z.infer<typeof catalogEntity>;

export const catalogEntityDetail = catalogEntity.extend({ relations: z.array(relation) });
export type CatalogEntityDetail = z.infer<typeof catalogEntityDetail>;

export const catalogListItem = catalogEntity.omit({ definition: true });
export const catalogQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  kind: catalogKind.optional(),
  owner: z.string().max(200).optional().describe('team name or owner reference'),
  lifecycle: lifecycle.optional(),
  tag: z.string().max(63).optional(),
  system: z.string().max(200).optional(),
});
export const catalogPage = page(catalogListItem);

export const entityParams = z.strictObject({ kind: z.string().min(1).max(20), namespace: entityName, name: entityName });

export const dependentsQuery = z.strictObject({ transitive: z.enum(['true', 'false']).default('true') });
export const dependents = z.object({
  ref: z.string(),
  items: z.array(z.object({ ref: z.string(), depth: z.number().int() })),
});

export const importOutcome = z.object({
  document: z.number().int().describe('1-based position of the document in the file'),
  ref: z.string().nullable(),
  status: z.enum(['created', 'updated', 'unchanged', 'rejected', 'skipped']),
  reason: z.string().optional(),
});
export const importSummary = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int(),
  results: z.array(importOutcome),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const healthFinding = z.object({
  code: z.enum(['CYCLE', 'FAN_IN_HOT_SPOT', 'FAN_OUT', 'CROSS_TEAM_EDGE', 'NO_OWNER', 'DANGLING_OWNER', 'DANGLING_REFERENCE', 'TEAM_OVERLOADED']),
  meaning: z.string(),
  entities: z.array(z.string()),
  detail: z.string(),
});
export const catalogHealth = z.object({
  entities: z.number().int(),
  edges: z.number().int(),
  crossTeamEdges: z.number().int(),
  cycles: z.array(z.array(z.string())),
  findings: z.array(healthFinding),
});
export type CatalogHealth = z.infer<typeof catalogHealth>;

export const graphQuery = z.strictObject({
  focus: z.string().max(200).optional(),
  depth: z.coerce.number().int().min(1).max(4).default(2),
  team: z.string().max(63).optional(),
  system: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});
export const catalogGraph = z.object({
  nodes: z.array(z.object({ ref: z.string(), kind: z.string(), name: z.string(), title: z.string().nullable(), ownerTeam: z.string().nullable(), exists: z.boolean() })),
  edges: z.array(z.object({ from: z.string(), to: z.string(), type: z.string() })),
  truncated: z.boolean(),
});
