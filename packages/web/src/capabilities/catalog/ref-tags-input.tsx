import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogKeys, fetchEntities, type CatalogKind } from './catalog-api';

type RefTagsInputProps = {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  /** Suggest only entities of this kind. */
  kind?: CatalogKind;
  error?: string;
};

/** A list of entity references typed as tags, with suggestions from the catalog as you type;
 *  a reference to something not registered yet is accepted (it shows as dangling). */
export function RefTagsInput({ label, description, value, onChange, kind, error }: RefTagsInputProps) {
  const [search, setSearch] = useState('');
  // "component:default/car" searches for "car": the server matches names, titles and descriptions.
  const [q] = useDebouncedValue(search.trim().replace(/^[A-Za-z]+:/, '').replace(/^.*\//, ''), 200);
  const suggestions = useQuery({
    queryKey: [...catalogKeys.list({ q, kind }), 'suggest'],
    queryFn: () => fetchEntities({ q, kind }, null, 10),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const data = q ? (suggestions.data?.items ?? []).map((e) => e.ref).filter((ref) => !value.includes(ref)) : [];
  return (
    <TagsInput
      label={label}
      description={description}
      placeholder="Type a reference and press Enter"
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      splitChars={[',', ' ']}
      acceptValueOnBlur
      clearable
      error={error}
    />
  );
}
