import { Divider, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { hasErrorCode } from '../../ui/api-error-code';
import { CreatePageForm } from '../../ui/create-page-form';
import { fieldError } from '../../ui/field-error';
import { FormActions } from '../../ui/form-actions';
import { ProblemAlert } from '../../ui/problem-alert';
import { TeamPicker } from '../teams/team-picker';
import { engineOptions } from './experiment-labels';
import { emptyExperiment, experimentFieldNames, localErrors, toCreateBody, type ExperimentFormValues } from './experiment-form-values';
import { createExperiment, experimentKeys, type Engine } from './experiments-api';
import { MetricFields } from './metric-fields';
import { VariantFields } from './variant-fields';

/** A new experiment, as a draft: key, hypothesis, team, variants with weights and metrics. */
export function ExperimentCreatePage() {
  const [values, setValues] = useState<ExperimentFormValues>(emptyExperiment);
  const [local, setLocal] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createExperiment,
    onSuccess: (experiment) => {
      queryClient.setQueryData(experimentKeys.one(experiment.key), experiment);
      void queryClient.invalidateQueries({ queryKey: experimentKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
      notifications.show({ color: 'teal', message: `Experiment ${experiment.name} created as a draft` });
      navigate(`/experiments/${encodeURIComponent(experiment.key)}`);
    },
  });
  const set = <K extends keyof ExperimentFormValues>(field: K, next: ExperimentFormValues[K]) => setValues((v) => ({ ...v, [field]: next }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const errors = localErrors(values);
    setLocal(errors);
    if (Object.keys(errors).length === 0) mutation.mutate(toCreateBody(values));
  };
  const keyTaken = hasErrorCode(mutation.error, 'EXPERIMENT_KEY_TAKEN');
  return (
    <CreatePageForm title="Create an experiment" description="It starts as a draft; the team starts it once everything is wired up." maw={860} onSubmit={submit}>
      <ProblemAlert error={keyTaken ? null : mutation.error} fields={experimentFieldNames} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Key"
          description="How code and events name it: lower-case letters and digits separated by -, _ or ."
          required
          value={values.key}
          onChange={(e) => set('key', e.currentTarget.value)}
          error={keyTaken ? mutation.error?.message : fieldError(mutation.error, 'key')}
        />
        <TextInput label="Name" description="Optional, for people; the key is used otherwise" value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError(mutation.error, 'name')} />
      </SimpleGrid>
      <Textarea
        label="Hypothesis"
        description="We believe that … will … for … ; we will know when … moves."
        withAsterisk
        aria-required
        autosize
        minRows={3}
        value={values.hypothesis}
        onChange={(e) => set('hypothesis', e.currentTarget.value)}
        error={local.hypothesis ?? fieldError(mutation.error, 'hypothesis')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TeamPicker label="Team" description="The team that runs it and decides" value={values.team} onChange={(team) => set('team', team)} error={local.team ?? fieldError(mutation.error, 'team')} />
        <Select
          label="Statistics engine"
          data={engineOptions}
          value={values.engine}
          onChange={(v) => v && set('engine', v as Engine)}
          allowDeselect={false}
          error={fieldError(mutation.error, 'engine')}
        />
      </SimpleGrid>
      <Divider />
      <VariantFields value={values.variants} onChange={(variants) => set('variants', variants)} error={mutation.error} localError={local.variants} />
      <Divider />
      <MetricFields value={values.metrics} onChange={(metrics) => set('metrics', metrics)} error={mutation.error} />
      <FormActions cancelTo="/experiments" submitLabel="Create experiment" loading={mutation.isPending} />
    </CreatePageForm>
  );
}
