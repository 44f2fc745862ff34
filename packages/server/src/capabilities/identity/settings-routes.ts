import type { FastifyInstance } from 'fastify';
import { createInviteBody, invite, inviteList, patchSettingsBody, settings as settingsSchema } from '@dayone/contracts';
import { requireAdmin } from '../../platform/auth/principal';
import { errorReplies, typed } from '../../platform/http/typed';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { SettingsService } from './settings-service';

const tags = ['admin'];
const ADMIN_ONLY = { scopes: ['admin'] } as const;

const presentInvite = (r: { email: string; code: string; created_at: string; expires_at: string; used_at: string | null }) => ({
  email: r.email,
  code: r.code,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

export function settingsRoutes(app: FastifyInstance, settings: SettingsService) {
  const r = typed(app);
  r.get('/api/v1/settings', { schema: { tags, summary: 'Instance settings', response: { 200: settingsSchema, ...errorReplies } } }, async (_req, reply) => {
    const s = await settings.get();
    setVersionTag(reply, s.version);
    return s;
  });
  r.patch('/api/v1/settings', { config: ADMIN_ONLY, schema: { tags, summary: 'Change instance settings (admins; If-Match required)', body: patchSettingsBody, response: { 200: settingsSchema, ...errorReplies } } }, async (req, reply) => {
    const actor = requireAdmin(req);
    const s = await settings.update(actor, expectedVersion(req), req.body);
    setVersionTag(reply, s.version);
    return s;
  });
  r.post('/api/v1/invites', { config: ADMIN_ONLY, schema: { tags, summary: 'Invite someone by email (admins)', body: createInviteBody, response: { 201: invite, ...errorReplies } } }, async (req, reply) =>
    reply.code(201).send(presentInvite(await settings.createInvite(requireAdmin(req), req.body.email))),
  );
  r.get('/api/v1/invites', { config: ADMIN_ONLY, schema: { tags, summary: 'Invitations (admins)', response: { 200: inviteList, ...errorReplies } } }, async (req) => {
    requireAdmin(req);
    return { items: (await settings.listInvites()).map(presentInvite) };
  });
}
