import type { TeamDetail } from '@dayone/contracts';
import type { EventBus } from '../../platform/events/event-bus';

export const TEAMS_TOPIC = 'teams.changed';
const INVALIDATING = new Set([TEAMS_TOPIC, 'catalog.changed']);
const MAX_ENTRIES = 20_000;

/** Team pages served from memory. Any change to teams, people's memberships or the catalog (what a team
 *  owns) empties it, on this instance at once and on the others through the bus. A read that overlapped
 *  a change is not stored, so the cache never keeps an answer older than the last change it heard of. */
export function createTeamReadCache(bus: EventBus) {
  const entries = new Map<string, { detail: TeamDetail; json: string }>();
  let generation = 0;
  const clear = () => {
    generation++;
    entries.clear();
  };
  bus.subscribe((e) => {
    if (INVALIDATING.has(e.topic)) clear();
  });

  return {
    async get(name: string, load: () => Promise<TeamDetail>): Promise<{ detail: TeamDetail; json: string }> {
      const key = name.toLowerCase();
      const hit = entries.get(key);
      if (hit) return hit;
      const started = generation;
      const detail = await load();
      const entry = { detail, json: JSON.stringify(detail) };
      if (started === generation) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(key, entry);
      }
      return entry;
    },
    /** What `get` would answer without loading, if it is in memory. */
    peek(name: string): { detail: TeamDetail; json: string } | undefined {
      return entries.get(name.toLowerCase());
    },
    /** Forget here now (the caller tells the other instances itself). */
    forget: clear,
    /** After a committed write: forget here now, and tell the other instances. */
    async changed(): Promise<void> {
      clear();
      await bus.broadcast({ topic: TEAMS_TOPIC });
    },
  };
}
export type TeamReadCache = ReturnType<typeof createTeamReadCache>;
