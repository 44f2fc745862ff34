import type { FastifyInstance } from 'fastify';
import { adminCaller, call, sessionHeaders, signUp, type Caller } from '../harness';
import type { WriteOperation } from './openapi-operations';

/** The people every world shares: signed up once per app, because sign-up may be switched to invitations by a fuzzed settings change. */
export interface People {
  /** A member of each world's team (not an admin). */
  insider: string;
  /** A member of no team. */
  outsider: string;
  /** A team member that path parameters such as {person} point at, so removing them breaks no caller. */
  person: string;
}

const PASSWORD = 'correct horse battery';

export async function signUpPeople(app: FastifyInstance, prefix: string): Promise<People> {
  await signUp(app, `${prefix}-root`);
  const people = { insider: `${prefix}-insider`, outsider: `${prefix}-outsider`, person: `${prefix}-person` };
  for (const name of Object.values(people)) await signUp(app, name);
  return people;
}

/** A fresh session for a person (the previous one may have been signed out by a fuzzed request). */
export async function signIn(app: FastifyInstance, name: string): Promise<Caller> {
  const res = await call(app, null, 'POST', '/api/v1/auth/signin', { email: `${name}@example.com`, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { name, headers: sessionHeaders(res.raw.cookies, res.body.csrfToken) };
}

/** Real objects for path parameters to point at, so that requests get past "not found" into validation. */
export interface World {
  team: string;
  service: string;
  pullId?: string;
  coeNumber?: number;
  actionItemId?: string;
  experimentKey?: string;
  webhookId?: string;
  tokenId?: string;
  people: People;
}

let worlds = 0;

async function created(app: FastifyInstance, caller: Caller, url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await call(app, caller, 'POST', url, body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`fixture POST ${url} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The kinds of object an operation's path reaches (a COE's action item needs the COE, which needs a pull). */
export function worldNeeds(op: WriteOperation): Set<string> {
  const segments = new Set(op.path.split('/'));
  const needs = new Set([...segments].filter((s) => ['pulls', 'coes', 'action-items', 'experiments', 'webhooks', 'tokens'].includes(s)));
  if (needs.has('action-items')) needs.add('coes');
  if (needs.has('coes')) needs.add('pulls');
  return needs;
}

/** A team led by the insider with the insider and the person as members and a production service it owns;
 *  then, as the operation needs them, an open pull on the service, a COE with an action item, a draft
 *  experiment, a webhook, and a token of the pass's first caller. Every world has names of its own. */
export async function createWorld(app: FastifyInstance, people: People, tokenOwner: Caller, needs: Set<string>): Promise<World> {
  const n = ++worlds;
  const world: World = { team: `fz-team-${n}`, service: `fz-service-${n}`, people };
  const { team, service } = world;
  await created(app, adminCaller, '/api/v1/teams', { name: team, displayName: `Fuzz team ${n}`, mission: 'Find what breaks', leader: people.insider });
  for (const person of [people.insider, people.person]) await created(app, adminCaller, `/api/v1/teams/${team}/members`, { person });
  await created(app, adminCaller, '/api/v1/catalog/entities', { kind: 'Component', name: service, owner: team, lifecycle: 'production', type: 'service' });
  if (needs.has('pulls')) {
    const pull = await created(app, adminCaller, '/api/v1/andon/pulls', { target: { kind: 'service', name: service }, reason: 'Fuzzing', severity: 3 });
    world.pullId = String(pull.id);
  }
  if (needs.has('coes')) {
    const coe = await created(app, adminCaller, '/api/v1/coes', { title: `Fuzz COE ${n}`, team, services: [service], pulls: [world.pullId] });
    world.coeNumber = Number(coe.number);
  }
  if (needs.has('action-items')) {
    const item = await created(app, adminCaller, `/api/v1/coes/${world.coeNumber}/action-items`, { title: 'Add a canary', owner: people.insider, dueDate: '2030-01-01', type: 'prevent' });
    world.actionItemId = String(item.id);
  }
  if (needs.has('experiments')) {
    world.experimentKey = `fz-experiment-${n}`;
    await created(app, adminCaller, '/api/v1/experiments', {
      key: world.experimentKey,
      hypothesis: 'A shorter form raises sign-ups',
      team,
      variants: [{ name: 'control', weight: 0.5 }, { name: 'short', weight: 0.5 }],
      metrics: [{ key: 'signups' }],
    });
  }
  if (needs.has('webhooks')) world.webhookId = String((await created(app, adminCaller, '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['*'], team })).id);
  if (needs.has('tokens')) world.tokenId = String((await created(app, tokenOwner, '/api/v1/tokens', { name: `fuzz ${n}` })).id);
  return world;
}

/** Values a body property of this name may take, to reach the rules behind "no such team". */
export function worldHints(world: World): (property: string) => string[] | undefined {
  const hints: Record<string, string[]> = {
    team: [world.team],
    parent: [world.team],
    leader: [world.people.insider, world.people.outsider],
    person: [world.people.outsider, world.people.person],
    owner: [world.team, world.people.insider],
    services: [world.service],
    service: [world.service],
    system: [world.service],
    dependsOn: [world.service],
    pulls: world.pullId ? [world.pullId] : [],
    experiment: world.experimentKey ? [world.experimentKey] : [],
  };
  return (property) => hints[property];
}

/** The real value a path parameter should take, judged by the parameter's name and the collection before it;
 *  undefined when this world has nothing of that kind (new capabilities then get values from the schema). */
export function realPathValue(world: World, op: WriteOperation, param: string): string | undefined {
  const segments = op.path.split('/');
  const at = segments.indexOf(`{${param}}`);
  const collection = segments[at - 1];
  switch (`${collection}/${param}`) {
    case 'teams/name':
      return world.team;
    case 'members/person':
      return world.people.person;
    case 'entities/kind':
      return 'component';
    case '{kind}/namespace':
      return 'default';
    case '{namespace}/name':
      return world.service;
    case 'pulls/id':
      return world.pullId;
    case 'experiments/key':
      return world.experimentKey;
    case 'coes/number':
      return world.coeNumber === undefined ? undefined : String(world.coeNumber);
    case 'action-items/id':
      return world.actionItemId;
    case 'webhooks/id':
      return world.webhookId;
    case 'tokens/id':
      return world.tokenId;
    default:
      return undefined;
  }
}
