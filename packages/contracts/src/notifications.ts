import { z } from 'zod';
import { isoDateTime, page, pageQuery } from './common';

/** One notice in a person's in-app inbox. `kind` is a dotted type such as coe.action_item_overdue;
 *  `link` is a path in the web app. */
export const notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationsQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const notificationsPage = page(notification).extend({ unread: z.number().int().describe('unread notices in the whole inbox') });
export const notificationParams = z.strictObject({ id: z.string().min(1).max(100) });
export const unreadCount = z.object({ unread: z.number().int() });
export const readAllResult = z.object({ marked: z.number().int() });
