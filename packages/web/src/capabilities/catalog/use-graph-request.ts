import { useSearchParams } from 'react-router';
import type { GraphRequest } from './catalog-api';

export type GraphMode = 'focus' | 'team' | 'system';

/** Which neighbourhood the architecture page draws, kept in the address (?focus=…&depth=…, ?team=…, ?system=…). */
export function useGraphRequest() {
  const [params, setParams] = useSearchParams();
  const focus = params.get('focus') ?? '';
  const team = params.get('team') ?? '';
  const system = params.get('system') ?? '';
  const depth = clampDepth(Number(params.get('depth') ?? 2));
  const mode: GraphMode = (params.get('mode') as GraphMode | null) ?? (team ? 'team' : system ? 'system' : 'focus');

  const request: GraphRequest | null =
    mode === 'focus' && focus ? { focus, depth } : mode === 'team' && team ? { team } : mode === 'system' && system ? { system } : null;

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return {
    mode,
    focus,
    team,
    system,
    depth,
    request,
    setMode: (next: GraphMode) => update({ mode: next, focus: null, team: null, system: null }),
    setFocus: (ref: string | null) => update({ mode: 'focus', focus: ref, team: null, system: null }),
    setDepth: (value: number) => update({ depth: String(clampDepth(value)) }),
    setTeam: (name: string | null) => update({ mode: 'team', team: name, focus: null, system: null }),
    setSystem: (ref: string | null) => update({ mode: 'system', system: ref, focus: null, team: null }),
  };
}

function clampDepth(value: number): number {
  return Number.isFinite(value) ? Math.min(4, Math.max(1, Math.round(value))) : 2;
}
