import { z } from 'zod';
import { entityName, isoDateTime, pageQuery, page } from './common';
import { personRef } from './people';

export const TWO_PIZZA_LIMIT = 10;

export const fitnessFinding = z.object({
  code: z.enum(['OVER_SIZE', 'NO_LEADER', 'LEADER_LEADS_SEVERAL']),
  message: z.string(),
});
export const fitness = z.object({
  fit: z.boolean(),
  memberCount: z.number().int(),
  limit: z.number().int(),
  findings: z.array(fitnessFinding),
});
export type Fitness = z.infer<typeof fitness>;

export const team = z.object({
  name: entityName,
  displayName: z.string(),
  mission: z.string(),
  parent: z.string().nullable(),
  leader: personRef.nullable(),
  memberCount: z.number().int(),
  fitness,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Team = z.infer<typeof team>;

export const teamDetail = team.extend({
  members: z.array(personRef),
  children: z.array(z.string()),
  owns: z.array(z.object({ kind: z.string(), name: z.string() })),
});
export type TeamDetail = z.infer<typeof teamDetail>;

export const createTeamBody = z.strictObject({
  name: entityName,
  displayName: z.string().trim().min(1).max(200).optional(),
  mission: z.string().max(5000).optional(),
  parent: entityName.nullable().optional(),
  leader: entityName.nullable().optional(),
});

export const patchTeamBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  mission: z.string().max(5000).optional(),
  parent: entityName.nullable().optional(),
  leader: entityName.nullable().optional(),
});

export const teamsQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  parent: entityName.optional(),
  fitness: z.enum(['all', 'unfit']).default('all'),
});
export const teamsPage = page(team);

export const addMemberBody = z.strictObject({ person: entityName.optional() });

/** Every organisation check a team can fail: the two-pizza rules, and owning more components than its
 *  people can carry (the catalog health's TEAM_OVERLOADED). */
export const orgFinding = z.object({
  code: z.enum(['OVER_SIZE', 'NO_LEADER', 'LEADER_LEADS_SEVERAL', 'TEAM_OVERLOADED']),
  message: z.string(),
});
export type OrgFinding = z.infer<typeof orgFinding>;

export type OrgNode = { name: string; displayName: string; memberCount: number; fit: boolean; findings: OrgFinding[]; children: OrgNode[] };
export const orgNode: z.ZodType<OrgNode> = z.lazy(() =>
  z.object({
    name: z.string(),
    displayName: z.string(),
    memberCount: z.number().int(),
    /** Keeps the two-pizza rules (as Team.fitness.fit). */
    fit: z.boolean(),
    /** Every organisation check the team fails; none means healthy. */
    findings: z.array(orgFinding),
    children: z.array(orgNode),
  }),
);
export const orgTree = z.object({ roots: z.array(orgNode) });
