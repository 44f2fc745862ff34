export interface AttachmentsTable {
  id: string;
  /** What the file belongs to, e.g. coe + the COE's id. */
  owner_kind: string;
  owner_id: string;
  filename: string;
  /** Decided from the file's first bytes, never from what the uploader declared. */
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: string;
  created_at: string;
}
