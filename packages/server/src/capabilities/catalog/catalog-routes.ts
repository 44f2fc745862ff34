import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  catalogEntityDetail, catalogGraph, catalogHealth, catalogPage, catalogQuery, createCatalogEntityBody,
  dependents, dependentsQuery, entityParams, graphQuery, importSummary, patchCatalogEntityBody,
} from '@dayone/contracts';
import { z } from 'zod';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, noContent, typed } from '../../platform/http/typed';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { CatalogService } from './catalog-service';
import type { CatalogStore } from './catalog-store';
import type { CatalogImport } from './catalog-import';
import { parseCatalogYaml } from './catalog-import';
import { exportCatalog } from './catalog-export';
import { analyseCatalog } from './catalog-health';
import { neighbourhood } from './catalog-graph';
import type { Db } from '../../platform/db/database';

const tags = ['catalog'];
const path = '/api/v1/catalog/entities/:kind/:namespace/:name';

export function catalogRoutes(app: FastifyInstance, deps: { db: Db; service: CatalogService; store: CatalogStore; importer: CatalogImport; onChanged: () => Promise<void> }) {
  const { service, store, importer, db } = deps;
  /** Runs a write, then tells the rest of the system (the deploy gates) the catalog changed. */
  const writing = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      await deps.onChanged();
    }
  };
  const r = typed(app);
  const refOf = (p: { kind: string; namespace: string; name: string }) => service.refOf(p.kind, p.namespace, p.name);

  r.get('/api/v1/catalog/entities', { schema: { tags, summary: 'Search and filter the catalog (text, kind, owner, lifecycle, tag, system); paginated', querystring: catalogQuery, response: { 200: catalogPage, ...errorReplies } } }, (req) =>
    store.list(req.query),
  );

  r.post('/api/v1/catalog/entities', { schema: { tags, summary: 'Register a service, API, resource, system or domain (members of the owning team)', body: createCatalogEntityBody, response: { 201: catalogEntityDetail, ...errorReplies } } }, async (req, reply) => {
    const entity = await writing(service.create(principalOf(req), req.body));
    setVersionTag(reply, entity.version);
    return reply.code(201).send(entity);
  });

  r.get(path, { schema: { tags, summary: 'One entity with its owner and relations in both directions (dangling ones marked)', params: entityParams, response: { 200: catalogEntityDetail, ...errorReplies } } }, async (req, reply) => {
    const entity = await service.detail(refOf(req.params));
    setVersionTag(reply, entity.version);
    return entity;
  });

  r.patch(path, { schema: { tags, summary: 'Edit an entity (If-Match required)', params: entityParams, body: patchCatalogEntityBody, response: { 200: catalogEntityDetail, ...errorReplies } } }, async (req, reply) => {
    const entity = await writing(service.update(principalOf(req), refOf(req.params), expectedVersion(req), req.body));
    setVersionTag(reply, entity.version);
    return entity;
  });

  r.delete(path, { schema: { tags, summary: 'Retire an entity (If-Match required); references to it become dangling', params: entityParams, response: { 204: noContent, ...errorReplies } } }, async (req, reply) => {
    await writing(service.retire(principalOf(req), refOf(req.params), expectedVersion(req)));
    return reply.code(204).send(null);
  });

  r.get(`${path}/dependents`, { schema: { tags, summary: 'What depends on this entity, directly or transitively', params: entityParams, querystring: dependentsQuery, response: { 200: dependents, ...errorReplies } } }, async (req, reply) => {
    // A hub's answer holds thousands of entries: serialised directly, not re-validated item by item.
    const answer = await service.dependents(refOf(req.params), req.query.transitive === 'true');
    return (reply as FastifyReply).type('application/json; charset=utf-8').send(JSON.stringify(answer));
  });

  r.post('/api/v1/catalog/import', {
    schema: { tags, summary: 'Import multi-document catalog-info.yaml (Content-Type: application/yaml)', body: z.string().describe('catalog-info.yaml documents'), response: { 200: importSummary, ...errorReplies } },
  }, async (req) => writing(importer.run(principalOf(req), parseCatalogYaml(req.body))));

  r.get('/api/v1/catalog/export', { schema: { tags, summary: 'The catalog, teams and people as catalog-info.yaml documents' } }, async (_req, reply) =>
    reply.type('application/yaml; charset=utf-8').send(await exportCatalog(db, store)),
  );

  r.get('/api/v1/catalog/health', { schema: { tags, summary: 'Architecture health: cycles, hot spots, cross-team edges, ownership gaps, overloaded teams', response: { 200: catalogHealth, ...errorReplies } } }, async () =>
    analyseCatalog(await store.graph()),
  );

  r.get('/api/v1/catalog/graph', { schema: { tags, summary: 'A neighbourhood of the dependency graph to draw', querystring: graphQuery, response: { 200: catalogGraph, ...errorReplies } } }, async (req) =>
    neighbourhood(await store.graph(), req.query),
  );
}
