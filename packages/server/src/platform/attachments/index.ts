export { createAttachments, presentAttachment, DEFAULT_ATTACHMENT_MAX_BYTES, type Attachments, type AttachmentRow, type NewAttachment } from './attachments';
export { attachmentRoutes, uploadRoutes, contentDisposition, ATTACHMENT_CSP } from './attachment-routes';
export { detectMediaType, sniffImage } from './media-type';
