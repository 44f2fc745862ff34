import type { AttachmentMediaType } from '@dayone/contracts';
import { AppError } from '../errors/app-error';

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image type the first bytes announce, or null: PNG, JPEG, GIF and WebP only. */
export function sniffImage(bytes: Buffer): AttachmentMediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Plain UTF-8 text without NUL bytes, and nothing a browser could take for markup. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    const decoded = text.decode(bytes).trimStart();
    return !decoded.startsWith('<');
  } catch {
    return false;
  }
}

const declaredType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** Decides what an upload really is from its bytes. The declared type only says which family the
 *  uploader meant (an image, or CSV); bytes that are not one of the kept kinds are refused (415). */
export function detectMediaType(bytes: Buffer, contentType: string | undefined): AttachmentMediaType {
  const declared = declaredType(contentType);
  if (declared.startsWith('image/')) {
    const sniffed = sniffImage(bytes);
    if (sniffed) return sniffed;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file is declared ${declared} but its bytes are not a PNG, JPEG, GIF or WebP image.`);
  }
  if (declared === 'text/csv') {
    if (isPlainText(bytes)) return 'text/csv';
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is declared text/csv but is not UTF-8 text (or looks like markup).');
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${declared || 'A file without a type'} is not kept; upload PNG, JPEG, GIF or WebP images, or text/csv.`);
}
