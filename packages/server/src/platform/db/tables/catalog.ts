export interface CatalogEntitiesTable {
  id: string;
  ref_key: string;
  kind: 'Component' | 'API' | 'Resource' | 'System' | 'Domain';
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  owner_ref: string | null;
  owner_group: string | null;
  lifecycle: 'experimental' | 'production' | 'deprecated' | null;
  type: string | null;
  tier: string | null;
  tags_json: string;
  links_json: string;
  system_ref: string | null;
  domain_ref: string | null;
  definition: string | null;
  labels_json: string;
  annotations_json: string;
  content_hash: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CatalogRelationsTable {
  source_id: string;
  type: 'dependsOn' | 'providesApi' | 'consumesApi' | 'partOf';
  target_ref: string;
}
