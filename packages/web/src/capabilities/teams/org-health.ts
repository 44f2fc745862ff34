import { TWO_PIZZA_LIMIT, type OrgFinding, type OrgNode } from '@dayone/contracts';

/** How a team fares on the organisation checks: no findings, one, or several. */
export type OrgHealth = 'healthy' | 'one' | 'several';

export const orgHealthOf = (findings: OrgFinding[]): OrgHealth => (findings.length === 0 ? 'healthy' : findings.length === 1 ? 'one' : 'several');

/** The colour of each level, its name (so the colour is never the only sign) and what it means. */
export const orgHealthLevels: { health: OrgHealth; colour: string; name: string; meaning: string }[] = [
  {
    health: 'healthy',
    colour: 'green',
    name: 'Healthy',
    meaning: `no findings: at most ${TWO_PIZZA_LIMIT} people, a single-threaded leader who leads no other team, and no more components than its people can carry`,
  },
  { health: 'one', colour: 'yellow', name: 'One finding', meaning: 'breaks one of those checks' },
  { health: 'several', colour: 'red', name: 'Several findings', meaning: 'breaks two or more of them' },
];

export const orgHealthLevel = (health: OrgHealth) => orgHealthLevels.find((l) => l.health === health)!;

/** The short name of each finding, shown on its badge; the finding's message says the detail. */
export const orgFindingNames: Record<OrgFinding['code'], string> = {
  OVER_SIZE: `Over ${TWO_PIZZA_LIMIT} people`,
  NO_LEADER: 'No single-threaded leader',
  LEADER_LEADS_SEVERAL: 'Leader leads several teams',
  TEAM_OVERLOADED: 'Owns more than it can carry',
};

/** The tree below (and including) the named team, or the whole tree when no team is named; null for a team not in it. */
export function orgSubtree(roots: OrgNode[], team: string | null | undefined): OrgNode[] | null {
  if (!team) return roots;
  const wanted = team.toLowerCase();
  const queue = [...roots];
  while (queue.length) {
    const node = queue.shift()!;
    if (node.name.toLowerCase() === wanted) return [node];
    queue.push(...node.children);
  }
  return null;
}

/** How many teams in these trees are at each level. */
export function countOrgHealth(nodes: OrgNode[]): Record<OrgHealth, number> {
  const counts: Record<OrgHealth, number> = { healthy: 0, one: 0, several: 0 };
  const walk = (list: OrgNode[]) => {
    for (const node of list) {
      counts[orgHealthOf(node.findings)]++;
      walk(node.children);
    }
  };
  walk(nodes);
  return counts;
}
