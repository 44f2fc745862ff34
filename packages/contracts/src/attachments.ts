import { z } from 'zod';
import { isoDateTime } from './common';

/** The kinds of file Day One keeps: raster images and CSV. Never SVG or HTML (they can carry scripts). */
export const attachmentMediaType = z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/csv']);
export type AttachmentMediaType = z.infer<typeof attachmentMediaType>;

export const attachment = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: attachmentMediaType,
  size: z.number().int().describe('bytes'),
  sha256: z.string(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  /** Where the file is served from. */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

/** Uploads send the file itself as the body, with its content type, and name it in the query. */
export const uploadQuery = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\u0000-\u001f\u007f"]+$/, 'must be a plain file name: no slashes, quotes or control characters'),
});

export const attachmentParams = z.strictObject({ id: z.string().min(1).max(100) });
