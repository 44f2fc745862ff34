import { stringify } from 'yaml';
import type { DemoPerson } from './demo-client';
import type { DemoContext, DemoOrg, OrgTeam } from './demo-context';
import { AREAS, BIG_TEAMS, COMPANY, FIRST_NAMES, LAST_NAMES, LEADERLESS_TEAM, SECOND_TEAM_OF_LEADER, SMALL_OVERLOADED, userName } from './demo-names';
import type { DemoRandom } from './demo-random';
import type { DemoSize } from './demo-size';
import { HOUR, MINUTE } from './demo-timeline';

/** People of each product team who sign up and act in the demo; the rest of the team comes from the
 *  company directory (a Backstage import), as people without a password. */
const ACTIVE_PER_TEAM = 2;

export const DEMO_ADMIN: DemoPerson = { name: 'ada.okafor', displayName: 'Ada Okafor', email: 'ada.okafor@example.com' };

/** Decides who is in the organisation and where: the root, a group per area, and `size.teams`
 *  product teams taken area by area. Nothing is sent yet. */
export function planOrg(random: DemoRandom, size: DemoSize): DemoOrg {
  const taken = new Set([DEMO_ADMIN.name]);
  const active = new Set([DEMO_ADMIN.name]);
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
      active.add(leader.name);
      groups.push(group);
    }
    const headcount = team.name === SMALL_OVERLOADED.team ? SMALL_OVERLOADED.people : BIG_TEAMS[team.name] ?? random.int(size.peoplePerTeam[0], size.peoplePerTeam[1]);
    // The first product team is always over two pizzas, so even a small demo shows the finding.
    const count = products.length === 0 ? Math.max(headcount, 12) : headcount;
    const members = Array.from({ length: count }, () => newPerson().name);
    members.slice(0, ACTIVE_PER_TEAM).forEach((name) => active.add(name));
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
    active: people.filter((p) => active.has(p.name)),
    isActive: (name) => active.has(name),
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

/** On the first day: the admin sets the instance up, the people who act sign up, leaders create their
 *  teams (groups before the teams inside them), add the people who signed up and import the rest of
 *  their team from the company directory (Backstage `User` entries, members of the team). */
export function createOrg(ctx: DemoContext): void {
  const { api, org, timeline } = ctx;
  timeline.at(timeline.start, 'the first account', async () => {
    await api.setup(org.admin);
  });
  timeline.at(timeline.start + 10 * MINUTE, 'people sign up', async () => {
    const rest = org.active.filter((p) => p.name !== org.admin.name);
    let done = 0;
    await inParallel(rest, ctx.size.parallelSignUps, async (person) => {
      await api.signUp(person);
      if (++done % 25 === 0) ctx.log(`  ${done} of ${rest.length} people signed up`);
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
      const creatorName = team.leader ?? team.members[0];
      for (const member of team.members) if (member !== creatorName && org.isActive(member)) await api.post(creator, `/api/v1/teams/${team.name}/members`, { person: member });
      const directory = team.members.filter((m) => !org.isActive(m)).map((m) => org.person(m));
      if (directory.length > 0) await api.send(creator, 'POST', '/api/v1/catalog/import', undefined, { raw: directoryYaml(directory, team.name), headers: { 'content-type': 'application/yaml' } });
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

/** Directory entries as Backstage writes them: each person a `User`, member of the team. */
function directoryYaml(people: DemoPerson[], team: string): string {
  return people
    .map((p) => stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: p.name }, spec: { profile: { displayName: p.displayName, email: p.email }, memberOf: [team] } }))
    .join('---\n');
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
