import { TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CreatePageForm } from '../../ui/create-page-form';
import { fieldError } from '../../ui/field-error';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { useSession } from '../auth/use-session';
import { RefTagsInput } from '../catalog/ref-tags-input';
import { fetchPerson, peopleKeys } from '../people/people-api';
import { TeamPicker } from '../teams/team-picker';
import { createCoe } from './coe-api';
import { coeProblemTitle } from './coe-problem';
import { useCoeCache } from './use-coe-cache';

const fields = ['title', 'team', 'services', 'pulls', 'tags'];

/** Starts a draft COE for a team; `?team=`, `?service=`, `?pull=` and `?tag=` in the address fill in the form. */
export function CoeCreatePage() {
  const { person } = useSession();
  const [params] = useSearchParams();
  const [title, setTitle] = useState('');
  // Read fresh: the session may predate joining a team. Undefined until someone chooses a team.
  const me = useQuery({ queryKey: peopleKeys.one(person.name), queryFn: () => fetchPerson(person.name) });
  const [chosenTeam, setTeam] = useState<string | null | undefined>(params.get('team') ?? undefined);
  const team = chosenTeam === undefined ? (me.data ?? person).teams[0] ?? null : chosenTeam;
  const [services, setServices] = useState<string[]>(params.getAll('service'));
  const [pulls, setPulls] = useState<string[]>(params.getAll('pull'));
  const [tags, setTags] = useState<string[]>(params.getAll('tag'));
  const [missing, setMissing] = useState<{ title?: string; team?: string }>({});
  const navigate = useNavigate();
  const cache = useCoeCache();
  const mutation = useMutation({
    mutationFn: createCoe,
    onSuccess: (coe) => {
      cache.written(coe);
      notifications.show({ color: 'teal', message: `COE #${coe.number} started as a draft` });
      navigate(`/coes/${coe.number}`);
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = title.trim();
    setMissing({ title: text ? undefined : 'Name the event', team: team ? undefined : 'Choose the team that owns it' });
    if (!text || !team) return;
    mutation.mutate({ title: text, team, services: services.length ? services : undefined, pulls: pulls.length ? pulls : undefined, tags: tags.length ? tags : undefined });
  };
  return (
    <CreatePageForm
      title="Write a COE"
      description="Start a draft for your team. Sections are written and saved one at a time, then someone from outside the team reviews it."
      maw={720}
      onSubmit={submit}
    >
      <ProblemAlert error={mutation.error} fields={fields} title={coeProblemTitle(mutation.error)} />
      <TextInput
        label="Title"
        description="What happened, for whom, e.g. Card payments failed for 40 minutes"
        withAsterisk
        aria-required
        maxLength={300}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={missing.title ?? fieldError(mutation.error, 'title')}
      />
      <TeamPicker
        label="Owning team"
        value={team}
        key={chosenTeam === undefined ? `default:${team ?? ''}` : 'chosen'}
        initial={team ? { value: team, label: team } : null}
        onChange={setTeam}
        error={missing.team ?? fieldError(mutation.error, 'team')}
      />
      <RefTagsInput label="Services" description="Optional: the services involved" kind="Component" value={services} onChange={setServices} error={fieldError(mutation.error, 'services')} />
      <TagsInput
        label="Andon pulls"
        description="Optional: the pulls this COE is about, by id; press Enter after each"
        value={pulls}
        onChange={setPulls}
        splitChars={[',', ' ']}
        acceptValueOnBlur
        clearable
        error={fieldError(mutation.error, 'pulls')}
      />
      <TagsInput
        label="Tags"
        description="Optional: words that find this COE and its like later, e.g. card-payments; press Enter after each"
        value={tags}
        onChange={(v) => setTags(v.map((t) => t.trim().toLowerCase()))}
        splitChars={[',', ' ']}
        acceptValueOnBlur
        clearable
        maxTags={20}
        error={fieldError(mutation.error, 'tags')}
      />
      <FormActions cancelTo="/coes" submitLabel="Start the COE" loading={mutation.isPending} />
    </CreatePageForm>
  );
}
