import { Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { TeamPicker } from '../teams/team-picker';
import { shortRef } from './catalog-ref';
import { EntityPicker } from './entity-picker';
import type { GraphMode, useGraphRequest } from './use-graph-request';

type GraphControlsProps = ReturnType<typeof useGraphRequest>;

/** Choose what to draw: the neighbourhood of one entity to some depth, or a team's or a system's entities. */
export function GraphControls({ mode, focus, team, system, depth, setMode, setFocus, setDepth, setTeam, setSystem }: GraphControlsProps) {
  const initial = (ref: string) => (ref ? { value: ref, label: shortRef(ref) } : null);
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="What to draw"
        w="fit-content"
        value={mode}
        onChange={(v) => setMode(v as GraphMode)}
        data={[
          { value: 'focus', label: 'Around an entity' },
          { value: 'team', label: "A team's entities" },
          { value: 'system', label: "A system's entities" },
        ]}
      />
      <Group align="flex-end">
        {mode === 'focus' && (
          <>
            <div style={{ width: 320 }}>
              <EntityPicker key={focus} label="Focus entity" value={focus || null} initial={initial(focus)} onChange={setFocus} />
            </div>
            <Select
              label="Depth"
              description="Steps out from the focus"
              data={['1', '2', '3', '4']}
              value={String(depth)}
              onChange={(v) => v && setDepth(Number(v))}
              allowDeselect={false}
              w={160}
            />
          </>
        )}
        {mode === 'team' && (
          <div style={{ width: 320 }}>
            <TeamPicker label="Team" value={team || null} initial={team ? { value: team, label: team } : null} onChange={setTeam} />
          </div>
        )}
        {mode === 'system' && (
          <div style={{ width: 320 }}>
            <EntityPicker kind="System" label="System" value={system || null} initial={initial(system)} onChange={setSystem} />
          </div>
        )}
      </Group>
    </Stack>
  );
}
