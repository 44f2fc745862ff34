/** Backstage entity references: `[kind:][namespace/]name`, compared case-insensitively. */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export const DEFAULT_NAMESPACE = 'default';

export class RefError extends Error {}

/** Parses a reference, filling the kind and namespace from the context where the text leaves them out.
 *  A reference without a kind where the context has no default kind is an error, as in Backstage. */
export function parseRef(text: string, context: { defaultKind?: string; defaultNamespace?: string }): EntityRef {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const kind = colon > 0 ? trimmed.slice(0, colon) : context.defaultKind;
  const rest = colon > 0 ? trimmed.slice(colon + 1) : trimmed;
  const slash = rest.indexOf('/');
  const namespace = slash > 0 ? rest.slice(0, slash) : context.defaultNamespace ?? DEFAULT_NAMESPACE;
  const name = slash > 0 ? rest.slice(slash + 1) : rest;
  if (!kind) throw new RefError(`"${text}" needs a kind here, such as component:${name}`);
  if (!name) throw new RefError(`"${text}" has no name`);
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name: name.toLowerCase() };
}

export const formatRef = (ref: EntityRef): string => `${ref.kind.toLowerCase()}:${ref.namespace.toLowerCase()}/${ref.name.toLowerCase()}`;

export const normaliseRef = (text: string, context: { defaultKind?: string; defaultNamespace?: string }): string =>
  formatRef(parseRef(text, context));

/** The shortest text that reads back to the same reference in the given context (for export). */
export function compactRef(ref: string, context: { defaultKind?: string; defaultNamespace?: string }): string {
  const parsed = parseRef(ref, {});
  const ns = parsed.namespace === (context.defaultNamespace ?? DEFAULT_NAMESPACE).toLowerCase() ? '' : `${parsed.namespace}/`;
  const kind = parsed.kind === context.defaultKind?.toLowerCase() ? '' : `${parsed.kind}:`;
  return `${kind}${ns}${parsed.name}`;
}
