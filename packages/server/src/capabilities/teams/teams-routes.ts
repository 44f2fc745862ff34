import type { FastifyInstance } from 'fastify';
import { addMemberBody, createTeamBody, nameParam, orgTree, patchTeamBody, teamDetail, teamsPage, teamsQuery } from '@dayone/contracts';
import { z } from 'zod';
import { principalOf } from '../../platform/auth/principal';
import { errorReplies, noContent, typed } from '../../platform/http/typed';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning';
import type { TeamsService } from './teams-service';
import type { TeamReadCache } from './team-read-cache';
import type { FastifyReply } from 'fastify';

const tags = ['teams'];
const memberParams = z.strictObject({ name: z.string().min(1).max(200), person: z.string().min(1).max(200) });

export function teamsRoutes(app: FastifyInstance, teams: TeamsService, cache: TeamReadCache) {
  const r = typed(app);
  /** Runs a write, then forgets the cached team pages. */
  const writing = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      await cache.changed();
    }
  };

  r.get('/api/v1/teams', { schema: { tags, summary: 'List teams; fitness=unfit lists those breaking the two-pizza rules', querystring: teamsQuery, response: { 200: teamsPage, ...errorReplies } } }, (req) =>
    teams.list(req.query),
  );

  r.post('/api/v1/teams', { schema: { tags, summary: 'Create a team; its creator becomes a member', body: createTeamBody, response: { 201: teamDetail, ...errorReplies } } }, async (req, reply) => {
    const team = await writing(teams.create(principalOf(req), req.body));
    setVersionTag(reply, team.version);
    return reply.code(201).header('location', `/api/v1/teams/${encodeURIComponent(team.name)}`).send(team);
  });

  r.get('/api/v1/teams/:name', { schema: { tags, summary: 'One team with members, sub-teams, what it owns and its two-pizza fitness', params: nameParam, response: { 200: teamDetail, ...errorReplies } } }, async (req, reply) => {
    const { detail, json } = await cache.get(req.params.name, () => teams.detail(req.params.name));
    setVersionTag(reply, detail.version);
    // Serialised once per change, not per request.
    return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
  });

  r.patch('/api/v1/teams/:name', { schema: { tags, summary: 'Change a team (members and admins; If-Match required)', params: nameParam, body: patchTeamBody, response: { 200: teamDetail, ...errorReplies } } }, async (req, reply) => {
    const team = await writing(teams.update(principalOf(req), req.params.name, expectedVersion(req), req.body));
    setVersionTag(reply, team.version);
    return team;
  });

  r.delete('/api/v1/teams/:name', { schema: { tags, summary: 'Remove an empty team that owns nothing (If-Match required)', params: nameParam, response: { 204: noContent, ...errorReplies } } }, async (req, reply) => {
    await writing(teams.remove(principalOf(req), req.params.name, expectedVersion(req)));
    return reply.code(204).send(null);
  });

  r.post('/api/v1/teams/:name/members', { schema: { tags, summary: 'Add a member, or join yourself when no person is given', params: nameParam, body: addMemberBody, response: { 200: teamDetail, ...errorReplies } } }, async (req, reply) => {
    const team = await writing(teams.addMember(principalOf(req), req.params.name, req.body.person));
    setVersionTag(reply, team.version);
    return team;
  });

  r.delete('/api/v1/teams/:name/members/:person', { schema: { tags, summary: 'Remove a member (or leave)', params: memberParams, response: { 200: teamDetail, ...errorReplies } } }, async (req, reply) => {
    const team = await writing(teams.removeMember(principalOf(req), req.params.name, req.params.person));
    setVersionTag(reply, team.version);
    return team;
  });

  r.get('/api/v1/org/tree', { schema: { tags, summary: 'All teams as a tree, each with its size and fitness', response: { 200: orgTree, ...errorReplies } } }, async () => ({
    roots: await teams.orgTree(),
  }));
}
