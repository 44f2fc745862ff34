import type { FastifyInstance } from 'fastify';

/** The part of JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) that the contracts produce. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

/** One write endpoint as the OpenAPI document describes it. */
export interface WriteOperation {
  method: WriteMethod;
  /** The OpenAPI path template, e.g. /api/v1/teams/{name}. */
  path: string;
  summary: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
  bodyRequired: boolean;
  /** Every media type the operation declares for its body. */
  contentTypes: string[];
  key: string;
}

const writeMethods: WriteMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

interface OpenApiOperation {
  summary?: string;
  parameters?: (Parameter & { $ref?: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The document the running app serves, exactly as clients see it. */
export async function loadOpenApi(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
  return res.json() as OpenApiDocument;
}

/** Every POST, PUT, PATCH and DELETE the document lists, in document order. */
export function writeOperations(doc: OpenApiDocument): WriteOperation[] {
  const operations: WriteOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(item)) {
      const method = verb.toUpperCase() as WriteMethod;
      if (!writeMethods.includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      operations.push({
        method,
        path,
        summary: op.summary ?? '',
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: json ? (json.schema ?? {}) : undefined,
        bodyRequired: op.requestBody?.required ?? false,
        contentTypes: Object.keys(content),
        key: `${method} ${path}`,
      });
    }
  }
  return operations;
}

/** Follows a local `$ref` (#/components/schemas/…); other schemas come back as they are. */
export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
}
