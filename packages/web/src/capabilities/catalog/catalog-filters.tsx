import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { TeamPicker } from '../teams/team-picker';
import { kindOptions, lifecycleOptions, type CatalogFilters } from './catalog-api';
import { shortRef } from './catalog-ref';
import { EntityPicker } from './entity-picker';

type CatalogFiltersProps = {
  filters: CatalogFilters;
  onChange: (name: keyof CatalogFilters, value: string | null) => void;
  onClear: () => void;
  active: boolean;
};

/** Search box and the kind, owner team, lifecycle, tag and system filters of the catalog list. */
export function CatalogFilterBar({ filters, onChange, onClear, active }: CatalogFiltersProps) {
  const [search, setSearch] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  const commitSearch = useDebouncedCallback((value: string) => onChange('q', value.trim()), 250);
  const commitTag = useDebouncedCallback((value: string) => onChange('tag', value.trim().toLowerCase()), 300);
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label="Search the catalog"
        placeholder="Name, title or description"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          commitSearch(e.currentTarget.value);
        }}
        w={230}
      />
      <Select label="Kind" placeholder="Any kind" clearable data={kindOptions} value={filters.kind || null} onChange={(v) => onChange('kind', v)} w={130} />
      <div style={{ width: 180 }}>
        <TeamPicker
          label="Owner team"
          value={filters.owner || null}
          initial={filters.owner ? { value: filters.owner, label: filters.owner } : null}
          onChange={(v) => onChange('owner', v)}
        />
      </div>
      <Select
        label="Lifecycle"
        placeholder="Any lifecycle"
        clearable
        data={lifecycleOptions}
        value={filters.lifecycle || null}
        onChange={(v) => onChange('lifecycle', v)}
        w={150}
      />
      <TextInput
        label="Tag"
        placeholder="e.g. java"
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          commitTag(e.currentTarget.value);
        }}
        w={120}
      />
      <div style={{ width: 180 }}>
        <EntityPicker
          kind="System"
          label="System"
          value={filters.system || null}
          initial={filters.system ? { value: filters.system, label: shortRef(filters.system) } : null}
          onChange={(v) => onChange('system', v)}
        />
      </div>
      {(active || filters.q) && (
        <Button
          variant="subtle"
          onClick={() => {
            setSearch('');
            setTag('');
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
