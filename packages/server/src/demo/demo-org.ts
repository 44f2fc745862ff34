import type { DemoPerson } from './demo-client';
import type { DemoContext, DemoOrg, OrgTeam } from './demo-context';
import { AREAS, BIG_TEAMS, COMPANY, FIRST_NAMES, LAST_NAMES, LEADERLESS_TEAM, SECOND_TEAM_OF_LEADER, SMALL_OVERLOADED, userName } from './demo-names';
import type { DemoRandom } from './demo-random';
import type { DemoSize } from './demo-size';
import { HOUR, MINUTE } from './demo-timeline';

export const DEMO_ADMIN: DemoPerson = { name: 'ada.okafor', displayName: 'Ada Okafor', email: 'ada.okafor@example.com' };

/** Decides who is in the organisation and where: the root, a group per area, and `size.teams`
 *  product teams taken area by area. Nothing is sent yet. */
export function planOrg(random: DemoRandom, size: DemoSize): DemoOrg {
  const taken = new Set([DEMO_ADMIN.name]);
  const people: DemoPerson[] = [DEMO_ADMIN];
  const newPerson = (): DemoPerson => {
    for (;;) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const name = userName(first, last);
      if (taken.has(name)) continue;
      taken.add(name);
      const person = { name, displayName: `${first} ${last}`, email: `${name}@example.com` };
      people.push(person);
      return person;
    }
  };

  const root: OrgTeam = { ...COMPANY, parent: null, leader: DEMO_ADMIN.name, members: [DEMO_ADMIN.name], product: false };
  const groups: OrgTeam[] = [];
  const products: OrgTeam[] = [];
  const leaves = AREAS.flatMap((area) => area.teams.map((team) => ({ area, team })));
  for (const { area, team } of leaves.slice(0, size.teams)) {
    let group = groups.find((g) => g.name === area.name);
    if (!group) {
      const leader = newPerson();
      const staff = newPerson();
      group = { name: area.name, displayName: area.displayName, mission: area.mission, parent: root.name, leader: leader.name, members: [leader.name, staff.name], product: false };
      groups.push(group);
    }
    const headcount = team.name === SMALL_OVERLOADED.team ? SMALL_OVERLOADED.people : BIG_TEAMS[team.name] ?? random.int(size.peoplePerTeam[0], size.peoplePerTeam[1]);
    // The first product team is always over two pizzas, so even a small demo shows the finding.
    const count = products.length === 0 ? Math.max(headcount, 12) : headcount;
    const members = Array.from({ length: count }, () => newPerson().name);
    products.push({ ...team, parent: group.name, leader: team.name === LEADERLESS_TEAM ? null : members[0], members, product: true });
  }
  // One leader took a second team on when its leader left.
  const second = products.find((t) => t.name === SECOND_TEAM_OF_LEADER.team);
  const other = products.find((t) => t.name === SECOND_TEAM_OF_LEADER.alsoLeads);
  if (second && other) other.leader = second.leader;

  const teams = [root, ...groups, ...products];
  const byName = new Map(people.map((p) => [p.name, p]));
  const byTeam = new Map(teams.map((t) => [t.name, t]));
  const org: DemoOrg = {
    admin: DEMO_ADMIN,
    people,
    person: (name) => byName.get(name) ?? fail(`no person ${name}`),
    teams,
    products,
    team: (name) => byTeam.get(name) ?? fail(`no team ${name}`),
    actor: (name) => org.person(org.team(name).leader ?? org.team(name).members[0]),
  };
  return org;
}

function fail(message: string): never {
  throw new Error(message);
}

/** On the first day: the admin sets the instance up, everyone signs up, leaders create their teams
 *  (groups before the teams inside them) and add their people. */
export function createOrg(ctx: DemoContext): void {
  const { api, org, timeline } = ctx;
  timeline.at(timeline.start, 'the first account', async () => {
    await api.setup(org.admin);
  });
  timeline.at(timeline.start + 10 * MINUTE, 'everyone signs up', async () => {
    const rest = org.people.filter((p) => p.name !== org.admin.name);
    let done = 0;
    await inParallel(rest, ctx.size.parallelSignUps, async (person) => {
      await api.signUp(person);
      if (++done % 50 === 0) ctx.log(`  ${done} of ${rest.length} people signed up`);
    });
  });
  org.teams.forEach((team, i) => {
    timeline.at(timeline.start + HOUR + i * MINUTE, `team ${team.name}`, async () => {
      const creator = ctx.as(team.leader ?? team.members[0]);
      // A team that lost its leader had one when it was made; the leader is dropped below.
      await api.post(creator, '/api/v1/teams', {
        name: team.name,
        displayName: team.displayName,
        mission: team.mission,
        parent: team.parent,
        leader: team.leader ?? team.members[0],
      });
      for (const member of team.members.slice(1)) await api.post(creator, `/api/v1/teams/${team.name}/members`, { person: member });
    });
  });
  // Later in the year: one leader leaves their team's lead (the team is leaderless), another takes a
  // second team on. Both show in the two-pizza checks.
  for (const team of org.products) {
    const original = team.members[0];
    if (team.leader === original) continue;
    timeline.at(timeline.start + (timeline.end - timeline.start) * 0.6, `new lead for ${team.name}`, async () => {
      const caller = ctx.as(original);
      const current = await api.send(caller, 'GET', `/api/v1/teams/${team.name}`);
      await api.withVersion(caller, 'PATCH', `/api/v1/teams/${team.name}`, current.body.version, { leader: team.leader });
    });
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
