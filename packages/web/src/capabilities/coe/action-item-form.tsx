import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { PersonPicker } from '../people/person-picker';
import { TeamPicker } from '../teams/team-picker';
import { createActionItem, type ActionItemType, type NewActionItem, type Priority } from './coe-api';
import { actionItemTypeOptions, priorityOptions } from './coe-labels';
import { coeProblemTitle } from './coe-problem';
import { useCoeCache } from './use-coe-cache';

type Values = { title: string; owner: string | null; team: string | null; dueDate: string; priority: Priority; type: ActionItemType | null; link: string };
const empty: Values = { title: '', owner: null, team: null, dueDate: '', priority: 'medium', type: null, link: '' };
const fields = ['title', 'owner', 'team', 'dueDate', 'priority', 'type', 'link'];

/** Adds an action item: one person owns it, with a due date, so it gets done. */
export function ActionItemForm({ number, team }: { number: number; team: string }) {
  const [values, setValues] = useState(empty);
  const [missing, setMissing] = useState<Partial<Record<keyof Values, string>>>({});
  // The pickers keep their own search text, so a new key empties them after an item is added.
  const [formKey, setFormKey] = useState(0);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const cache = useCoeCache();
  const mutation = useMutation({
    mutationFn: (body: NewActionItem) => createActionItem(number, body),
    onSuccess: () => {
      setValues(empty);
      setFormKey((k) => k + 1);
      cache.changed(number);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const title = values.title.trim();
    const needed: Partial<Record<keyof Values, string>> = {};
    if (!title) needed.title = 'Say what will be done';
    if (!values.owner) needed.owner = 'Choose the one person who owns it';
    if (!values.dueDate) needed.dueDate = 'Choose when it is due';
    if (!values.type) needed.type = 'Choose a type';
    setMissing(needed);
    if (Object.keys(needed).length > 0 || !values.owner || !values.type) return;
    mutation.mutate({
      title,
      owner: values.owner,
      team: values.team ?? undefined,
      dueDate: values.dueDate,
      priority: values.priority,
      type: values.type,
      link: values.link.trim() || undefined,
    });
  };
  const error = (name: keyof Values) => missing[name] ?? fieldError(mutation.error, name);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} key={formKey}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Add an action item
        </Title>
        <ProblemAlert error={mutation.error} fields={fields} title={coeProblemTitle(mutation.error)} />
        <TextInput label="Action item title" placeholder="e.g. Add a canary stage to the checkout pipeline" maxLength={300} value={values.title} onChange={(e) => set({ title: e.currentTarget.value })} error={error('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <PersonPicker label="Owner" value={values.owner} onChange={(owner) => set({ owner })} error={error('owner')} />
          <TeamPicker label="Team" description={`Optional; ${team} if left empty`} value={values.team} onChange={(t) => set({ team: t })} error={error('team')} />
          <TextInput type="date" label="Due date" value={values.dueDate} onChange={(e) => set({ dueDate: e.currentTarget.value })} error={error('dueDate')} />
          <Select label="Priority" data={priorityOptions} value={values.priority} onChange={(p) => set({ priority: (p ?? 'medium') as Priority })} allowDeselect={false} error={error('priority')} />
          <Select label="Type" placeholder="Choose a type" data={actionItemTypeOptions} value={values.type} onChange={(t) => set({ type: t as ActionItemType | null })} error={error('type')} />
          <TextInput label="Link (optional)" placeholder="https://tracker.example.com/TICKET-1" value={values.link} onChange={(e) => set({ link: e.currentTarget.value })} error={error('link')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Add action item
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
