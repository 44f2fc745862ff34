import { Group, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { fieldError } from '../../ui/field-error';
import type { SelectOption } from '../../ui/remote-select';
import { TeamPicker } from '../teams/team-picker';
import { lifecycleOptions, type CatalogKind, type Lifecycle } from './catalog-api';
import { shortRef } from './catalog-ref';
import type { EntityFormValues } from './entity-form-values';
import { EntityPicker } from './entity-picker';
import { RefTagsInput } from './ref-tags-input';

type EntityFormFieldsProps = {
  kind: CatalogKind | null;
  value: EntityFormValues;
  onChange: (value: EntityFormValues) => void;
  /** The server's problem, or the form's own messages by field. */
  error: unknown;
  localErrors?: Record<string, string>;
  /** Label of the current owner, so it shows before any search. */
  initialOwner?: SelectOption | null;
};

/** Every editable field of a catalog entity; the register and edit forms share them. */
export function EntityFormFields({ kind, value, onChange, error, localErrors = {}, initialOwner }: EntityFormFieldsProps) {
  const set = <K extends keyof EntityFormValues>(field: K, next: EntityFormValues[K]) => onChange({ ...value, [field]: next });
  const err = (field: string) => localErrors[field] ?? fieldError(error, field);
  const pickerInitial = (ref: string | null) => (ref ? { value: ref, label: shortRef(ref) } : null);
  return (
    <>
      <TextInput label="Title" description="A display name, if the name alone does not say it" value={value.title} onChange={(e) => set('title', e.currentTarget.value)} error={err('title')} />
      <Textarea label="Description" autosize minRows={2} value={value.description} onChange={(e) => set('description', e.currentTarget.value)} error={err('description')} />
      <TeamPicker
        label="Owner team"
        description="The team that runs it; only its members (and admins) may change this entry"
        value={value.owner}
        onChange={(owner) => set('owner', owner)}
        initial={initialOwner}
        error={err('owner')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Lifecycle"
          placeholder="Not set"
          clearable
          data={lifecycleOptions}
          value={value.lifecycle}
          onChange={(v) => set('lifecycle', v as Lifecycle | null)}
          error={err('lifecycle')}
        />
        <TextInput label="Type" placeholder={typeHint(kind)} value={value.type} onChange={(e) => set('type', e.currentTarget.value)} error={err('type')} />
        <TextInput label="Tier" placeholder="e.g. 1" value={value.tier} onChange={(e) => set('tier', e.currentTarget.value)} error={err('tier')} />
      </SimpleGrid>
      <TagsInput
        label="Tags"
        description="Lower-case words such as java or payments; press Enter after each"
        value={value.tags}
        onChange={(tags) => set('tags', tags.map((t) => t.trim().toLowerCase()))}
        splitChars={[',', ' ']}
        acceptValueOnBlur
        clearable
        error={err('tags')}
      />
      <Group grow align="flex-start">
        <EntityPicker kind="System" label="System" value={value.system} onChange={(v) => set('system', v)} initial={pickerInitial(value.system)} error={err('system')} />
        <EntityPicker kind="Domain" label="Domain" value={value.domain} onChange={(v) => set('domain', v)} initial={pickerInitial(value.domain)} error={err('domain')} />
      </Group>
      <RefTagsInput
        label="Depends on"
        description='References with their kind, such as component:cart or resource:orders-db'
        value={value.dependsOn}
        onChange={(v) => set('dependsOn', v)}
        error={err('dependsOn')}
      />
      <RefTagsInput label="Provides APIs" kind="API" description="APIs this serves, such as api:payments" value={value.providesApis} onChange={(v) => set('providesApis', v)} error={err('providesApis')} />
      <RefTagsInput label="Consumes APIs" kind="API" description="APIs this calls" value={value.consumesApis} onChange={(v) => set('consumesApis', v)} error={err('consumesApis')} />
      <Textarea
        label="Links"
        description="One per line: a URL, then optionally a title (https://runbooks.example.com/cart Runbook)"
        autosize
        minRows={2}
        value={value.links}
        onChange={(e) => set('links', e.currentTarget.value)}
        error={err('links')}
      />
      {kind === 'API' && (
        <Textarea
          label="API definition"
          description="The OpenAPI, AsyncAPI, GraphQL or gRPC definition"
          autosize
          minRows={4}
          maxRows={16}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={value.definition}
          onChange={(e) => set('definition', e.currentTarget.value)}
          error={err('definition')}
        />
      )}
    </>
  );
}

function typeHint(kind: CatalogKind | null): string {
  if (kind === 'Component') return 'e.g. service, website, library';
  if (kind === 'API') return 'e.g. openapi, grpc, graphql';
  if (kind === 'Resource') return 'e.g. database, queue, bucket';
  return 'Free text';
}
