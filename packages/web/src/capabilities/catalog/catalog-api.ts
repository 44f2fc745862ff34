import type {
  CatalogEntity,
  CatalogEntityDetail,
  CatalogEntityFields,
  CatalogHealth,
  CatalogKind,
  CreateCatalogEntity,
  ImportSummary,
  catalogGraph,
  dependents,
  lifecycle,
} from '@dayone/contracts';
import { api } from '../../api/api-client';
import type { Page } from '../../api/page';
import { entityApiPath } from './catalog-ref';

export type { CatalogEntity, CatalogEntityDetail, CatalogHealth, CatalogKind, ImportSummary };
export type CatalogListItem = Omit<CatalogEntity, 'definition'>;
export type Lifecycle = ReturnType<typeof lifecycle.parse>;
export type CatalogGraph = ReturnType<typeof catalogGraph.parse>;
export type GraphNode = CatalogGraph['nodes'][number];
export type Dependents = ReturnType<typeof dependents.parse>;
export type HealthFinding = CatalogHealth['findings'][number];

/** Kept here rather than imported from the contracts, so the web bundle does not carry zod. */
export const kindOptions: CatalogKind[] = ['Component', 'API', 'Resource', 'System', 'Domain'];
export const lifecycleOptions: Lifecycle[] = ['experimental', 'production', 'deprecated'];

export type CatalogFilters = { q: string; kind: string; owner: string; lifecycle: string; tag: string; system: string };
export type GraphRequest = { focus?: string; depth?: number; team?: string; system?: string };

export const catalogKeys = {
  all: ['catalog'] as const,
  list: (filters: Partial<CatalogFilters>) => ['catalog', 'list', filters] as const,
  one: (ref: string) => ['catalog', 'one', ref] as const,
  dependents: (ref: string, transitive: boolean) => ['catalog', 'dependents', ref, transitive] as const,
  health: ['catalog', 'health'] as const,
  graph: (request: GraphRequest) => ['catalog', 'graph', request] as const,
};

export const fetchEntities = (filters: Partial<CatalogFilters>, cursor?: string | null, limit = 50) =>
  api<Page<CatalogListItem>>('/catalog/entities', { query: { ...filters, cursor, limit } });

export const fetchEntity = (ref: string) => api<CatalogEntityDetail>(entityApiPath(ref));

export const createEntity = (body: CreateCatalogEntity) => api<CatalogEntityDetail>('/catalog/entities', { method: 'POST', body });

export const updateEntity = (ref: string, version: number, body: CatalogEntityFields) =>
  api<CatalogEntityDetail>(entityApiPath(ref), { method: 'PATCH', body, ifMatch: version });

export const retireEntity = (ref: string, version: number) => api<void>(entityApiPath(ref), { method: 'DELETE', ifMatch: version });

export const fetchDependents = (ref: string, transitive: boolean) =>
  api<Dependents>(`${entityApiPath(ref)}/dependents`, { query: { transitive: String(transitive) } });

/** Sends catalog-info.yaml text as it is; the server parses every document in it. */
export const importCatalogYaml = (text: string) =>
  api<ImportSummary>('/catalog/import', { method: 'POST', raw: { text, contentType: 'application/yaml' } });

/** Where the browser downloads the whole catalog as catalog-info.yaml. */
export const catalogExportUrl = '/api/v1/catalog/export';

export const fetchHealth = () => api<CatalogHealth>('/catalog/health');

export const fetchGraph = (request: GraphRequest) => api<CatalogGraph>('/catalog/graph', { query: request });
