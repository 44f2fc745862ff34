/** Entity references as the server writes them: `kind:namespace/name`, lower case. */
export type EntityRefParts = { kind: string; namespace: string; name: string };

export function parseEntityRef(ref: string): EntityRefParts {
  const colon = ref.indexOf(':');
  const kind = colon > 0 ? ref.slice(0, colon) : '';
  const rest = colon > 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return slash > 0 ? { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) } : { kind, namespace: 'default', name: rest };
}

export const formatEntityRef = ({ kind, namespace, name }: EntityRefParts) => `${kind}:${namespace}/${name}`.toLowerCase();

const segments = ({ kind, namespace, name }: EntityRefParts) => [kind, namespace, name].map(encodeURIComponent).join('/');

/** The web page of a catalog entity. */
export const entityPath = (ref: string) => `/catalog/${segments(parseEntityRef(ref))}`;

/** The API resource of a catalog entity. */
export const entityApiPath = (ref: string) => `/catalog/entities/${segments(parseEntityRef(ref))}`;

/** Where a reference leads in the app: a team, a person, or a catalog entity. */
export function refPath(ref: string): string {
  const parts = parseEntityRef(ref);
  if (parts.kind === 'group') return `/teams/${encodeURIComponent(parts.name)}`;
  if (parts.kind === 'user') return `/people/${encodeURIComponent(parts.name)}`;
  return entityPath(ref);
}

/** A reference without the default namespace, as people write it: `component:cart`. */
export function shortRef(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const ns = namespace === 'default' ? '' : `${namespace}/`;
  return kind ? `${kind}:${ns}${name}` : `${ns}${name}`;
}
