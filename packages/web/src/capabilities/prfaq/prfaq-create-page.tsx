import { Button, Group, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CreatePageForm } from '../../ui/create-page-form';
import { fieldError } from '../../ui/field-error';
import { ProblemAlert } from '../../ui/problem-alert';
import { useSession } from '../auth/use-session';
import { fetchPerson, peopleKeys } from '../people/people-api';
import { TeamPicker } from '../teams/team-picker';
import { createPrfaq } from './prfaq-api';

/** Starts a PR/FAQ draft: its title, the owning team and the customer it is for. */
export function PrfaqCreatePage() {
  const { person } = useSession();
  const me = useQuery({ queryKey: peopleKeys.one(person.name), queryFn: () => fetchPerson(person.name) });
  const [title, setTitle] = useState('');
  const [chosenTeam, setTeam] = useState<string | null | undefined>(undefined);
  const team = chosenTeam === undefined ? (me.data ?? person).teams[0] ?? null : chosenTeam;
  const [customer, setCustomer] = useState('');
  const navigate = useNavigate();
  const mutation = useMutation({ mutationFn: createPrfaq, onSuccess: (doc) => void navigate(`/prfaqs/${doc.number}`) });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate({ title: title.trim(), team: team ?? '', customer: customer.trim() });
  };
  return (
    <CreatePageForm title="Write a PR/FAQ" description="Start with the customer. The press release and the FAQ come next, one section at a time, with the writing coach beside you." maw={720} onSubmit={submit}>
      <ProblemAlert error={mutation.error} fields={['title', 'team', 'customer']} title="The PR/FAQ was not started" />
      <TextInput label="Title" description="The product or feature, as customers would call it" withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(mutation.error, 'title')} />
      <TeamPicker label="Owning team" value={team} onChange={setTeam} error={fieldError(mutation.error, 'team')} initial={team ? { value: team, label: team } : null} />
      <Textarea label="Customer" description="Who it is for, as specifically as you can: e.g. small online shops that take card payments" autosize minRows={2} value={customer} onChange={(e) => setCustomer(e.currentTarget.value)} error={fieldError(mutation.error, 'customer')} />
      <Group>
        <Button type="submit" loading={mutation.isPending}>
          Start the draft
        </Button>
      </Group>
    </CreatePageForm>
  );
}
