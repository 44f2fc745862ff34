import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

export type SelectOption = { value: string; label: string };

export type RemoteSelectProps = {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The option chosen before any search (e.g. the current value), so its label shows. */
  initial?: SelectOption | null;
  /** Values not to offer. */
  exclude?: string[];
  error?: string;
  description?: string;
};

type Source = {
  queryKey: (q: string) => QueryKey;
  search: (q: string) => Promise<SelectOption[]>;
  nothingFound: string;
};

/** A searchable select whose options come from a server search as the user types. */
export function RemoteSelect({ label, value, onChange, initial, exclude, error, description, queryKey, search, nothingFound }: RemoteSelectProps & Source) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<SelectOption | null>(initial ?? null);
  const [q] = useDebouncedValue(text.trim(), 200);
  const results = useQuery({ queryKey: queryKey(q), queryFn: () => search(q), placeholderData: keepPreviousData });

  const data = useMemo(() => {
    const options = (results.data ?? []).filter((o) => !exclude?.includes(o.value));
    // Keep the chosen option selectable even when the current search does not return it.
    if (value && chosen?.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
    return options;
  }, [results.data, exclude, value, chosen]);

  return (
    <Select
      label={label}
      description={description}
      placeholder="Type to search"
      searchable
      clearable
      data={data}
      value={value}
      onChange={(next, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(next);
      }}
      // Choosing an option fills the box with its label, which is not a search.
      onSearchChange={(next) => setText(next === chosen?.label ? '' : next)}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : nothingFound}
      error={error}
    />
  );
}
