import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { shortRef } from '../catalog/catalog-ref';
import { EntityPicker } from '../catalog/entity-picker';
import { TeamPicker } from '../teams/team-picker';
import type { CoeFilters } from './coe-api';
import { coeStatusOptions } from './coe-labels';

type CoeFilterBarProps = { filters: CoeFilters; onChange: (name: keyof CoeFilters, value: string | null) => void; onClear: () => void; active: boolean };

/** Text search and the team, tag, status, service and date filters of the COE list. */
export function CoeFilterBar({ filters, onChange, onClear, active }: CoeFilterBarProps) {
  const [search, setSearch] = useState(filters.q);
  const commitSearch = useDebouncedCallback((value: string) => onChange('q', value.trim()), 250);
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label="Search COEs"
        placeholder="Title or text"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          commitSearch(e.currentTarget.value);
        }}
        w={240}
      />
      <div style={{ width: 200 }}>
        <TeamPicker label="Team" value={filters.team || null} initial={filters.team ? { value: filters.team, label: filters.team } : null} onChange={(v) => onChange('team', v)} />
      </div>
      <TextInput label="Tag" placeholder="e.g. card-payments" value={filters.tag} onChange={(e) => onChange('tag', e.currentTarget.value.trim() || null)} w={170} />
      <Select label="Status" placeholder="Any status" clearable data={coeStatusOptions} value={filters.status || null} onChange={(v) => onChange('status', v)} w={150} />
      <div style={{ width: 220 }}>
        <EntityPicker
          kind="Component"
          label="Service"
          value={filters.service || null}
          initial={filters.service ? { value: filters.service, label: shortRef(filters.service) } : null}
          onChange={(v) => onChange('service', v)}
        />
      </div>
      <TextInput label="Written from" type="date" value={filters.from} onChange={(e) => onChange('from', e.currentTarget.value || null)} w={160} />
      <TextInput label="Written to" type="date" value={filters.to} onChange={(e) => onChange('to', e.currentTarget.value || null)} w={160} />
      {active && (
        <Button
          variant="subtle"
          onClick={() => {
            setSearch('');
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
