import { createCatalogEntityBody, catalogKinds, type CatalogEntity, type CreateCatalogEntity } from '@dayone/contracts';
import { compactRef, DEFAULT_NAMESPACE, formatRef, parseRef } from './entity-ref';

export const TIER_ANNOTATION = 'dayone.dev/tier';
const API_VERSION = 'backstage.io/v1alpha1';
const METADATA_FIELDS = new Set(['name', 'namespace', 'title', 'description', 'tags', 'links', 'labels', 'annotations']);
/** Fields Backstage requires per kind (descriptor format). */
const REQUIRED: Record<string, string[]> = {
  Component: ['type', 'lifecycle', 'owner'],
  API: ['type', 'lifecycle', 'owner', 'definition'],
  Resource: ['type', 'owner'],
  System: ['owner'],
  Domain: ['owner'],
};

export interface GroupDoc {
  name: string;
  displayName?: string;
  description?: string;
  parent?: string;
  children: string[];
  members: string[];
}
export interface UserDoc {
  name: string;
  displayName?: string;
  email?: string;
  memberOf: string[];
}

export type MappedDocument =
  | { type: 'entity'; ref: string; input: CreateCatalogEntity }
  | { type: 'group'; ref: string; group: GroupDoc }
  | { type: 'user'; ref: string; user: UserDoc }
  | { type: 'skipped'; ref: string | null; reason: string }
  | { type: 'rejected'; ref: string | null; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const canonicalKind = (kind: string) => catalogKinds.find((k) => k.toLowerCase() === kind.toLowerCase());

/** Maps one catalog-info.yaml document to what Day One keeps, or says why it cannot. */
export function mapDocument(doc: unknown): MappedDocument {
  if (!isObj(doc)) return { type: 'rejected', ref: null, reason: 'the document is not a mapping with apiVersion, kind and metadata' };
  const kindText = str(doc.kind);
  const metadata = isObj(doc.metadata) ? doc.metadata : undefined;
  const name = str(metadata?.name);
  const namespace = str(metadata?.namespace) ?? DEFAULT_NAMESPACE;
  const ref = kindText && name ? `${kindText.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}` : null;
  if (!kindText) return { type: 'rejected', ref, reason: 'kind: is required' };
  if (!metadata || !name) return { type: 'rejected', ref, reason: 'metadata.name: is required' };
  if (typeof doc.apiVersion !== 'string' || !doc.apiVersion.startsWith('backstage.io/')) {
    return { type: 'rejected', ref, reason: 'apiVersion: must be backstage.io/v1alpha1 or another backstage.io version' };
  }
  const spec = isObj(doc.spec) ? doc.spec : {};
  const kindLower = kindText.toLowerCase();
  if (kindLower === 'group') {
    const profile = isObj(spec.profile) ? spec.profile : {};
    return {
      type: 'group',
      ref: ref!,
      group: { name, displayName: str(profile.displayName), description: str(metadata.description), parent: str(spec.parent), children: strList(spec.children), members: strList(spec.members) },
    };
  }
  if (kindLower === 'user') {
    const profile = isObj(spec.profile) ? spec.profile : {};
    return { type: 'user', ref: ref!, user: { name, displayName: str(profile.displayName), email: str(profile.email), memberOf: strList(spec.memberOf) } };
  }
  const kind = canonicalKind(kindText);
  if (!kind) return { type: 'skipped', ref, reason: `kind ${kindText} is not one Day One keeps` };

  const missing = REQUIRED[kind].filter((f) => spec[f] === undefined || spec[f] === null || spec[f] === '');
  if (missing.length) return { type: 'rejected', ref, reason: missing.map((f) => `spec.${f}: is required for a ${kind}`).join('; ') };

  const annotations = isObj(metadata.annotations) ? { ...(metadata.annotations as Record<string, string>) } : undefined;
  const tier = annotations?.[TIER_ANNOTATION];
  if (annotations) delete annotations[TIER_ANNOTATION];
  const candidate = {
    kind,
    namespace: metadata.namespace,
    name,
    title: metadata.title,
    description: metadata.description,
    tags: metadata.tags,
    links: metadata.links,
    labels: metadata.labels,
    annotations,
    tier,
    owner: spec.owner,
    lifecycle: spec.lifecycle,
    type: spec.type,
    system: spec.system,
    domain: spec.domain,
    providesApis: spec.providesApis,
    consumesApis: spec.consumesApis,
    dependsOn: spec.dependsOn,
    definition: typeof spec.definition === 'string' || spec.definition === undefined ? spec.definition : JSON.stringify(spec.definition),
  };
  const parsed = createCatalogEntityBody.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((i) => {
        const head = String(i.path[0] ?? '');
        const where = head === 'tier' ? `metadata.annotations.${TIER_ANNOTATION}` : `${METADATA_FIELDS.has(head) ? 'metadata' : 'spec'}.${i.path.join('.')}`;
        return `${where}: ${i.message}`;
      })
      .join('; ');
    return { type: 'rejected', ref, reason };
  }
  return { type: 'entity', ref: ref!, input: parsed.data };
}

const compact = (ref: string | null, defaultKind: string | undefined, namespace: string) => (ref ? compactRef(ref, { defaultKind, defaultNamespace: namespace }) : undefined);
const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);
const nonEmptyRecord = (r: Record<string, string>) => (Object.keys(r).length ? r : undefined);

/** Writes an entity back as a catalog-info.yaml document; every field Day One understands survives. */
export function entityAsDocument(e: CatalogEntity): Obj {
  const ns = e.namespace;
  const annotations = { ...e.annotations, ...(e.tier ? { [TIER_ANNOTATION]: e.tier } : {}) };
  const metadata = prune({
    name: e.name,
    namespace: ns === DEFAULT_NAMESPACE ? undefined : ns,
    title: e.title ?? undefined,
    description: e.description ?? undefined,
    tags: nonEmpty(e.tags),
    links: nonEmpty(e.links),
    labels: nonEmptyRecord(e.labels),
    annotations: nonEmptyRecord(annotations),
  });
  const spec = prune({
    type: e.type ?? undefined,
    lifecycle: e.lifecycle ?? undefined,
    owner: compact(e.owner, 'group', ns),
    system: compact(e.system, 'system', ns),
    domain: compact(e.domain, 'domain', ns),
    providesApis: nonEmpty(e.providesApis.map((r) => compact(r, 'api', ns)!)),
    consumesApis: nonEmpty(e.consumesApis.map((r) => compact(r, 'api', ns)!)),
    dependsOn: nonEmpty(e.dependsOn.map((r) => compact(r, undefined, ns)!)),
    definition: e.definition ?? undefined,
  });
  return { apiVersion: API_VERSION, kind: e.kind, metadata, spec };
}

export function teamAsGroupDocument(t: { name: string; displayName: string; mission: string; parent: string | null; children: string[]; members: string[] }): Obj {
  return {
    apiVersion: API_VERSION,
    kind: 'Group',
    metadata: prune({ name: t.name, description: t.mission || undefined }),
    spec: prune({ type: 'team', profile: t.displayName !== t.name ? { displayName: t.displayName } : undefined, parent: t.parent ?? undefined, children: t.children, members: nonEmpty(t.members) }),
  };
}

export function personAsUserDocument(p: { name: string; displayName: string; email: string | null; teams: string[] }): Obj {
  return {
    apiVersion: API_VERSION,
    kind: 'User',
    metadata: { name: p.name },
    spec: prune({ profile: prune({ displayName: p.displayName, email: p.email ?? undefined }), memberOf: p.teams }),
  };
}

function prune(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A group or user reference named in a document, resolved to the plain name Day One keys teams and people by. */
export const memberName = (text: string, defaultKind: 'group' | 'user', namespace: string) => parseRef(text, { defaultKind, defaultNamespace: namespace }).name;
export { formatRef };
