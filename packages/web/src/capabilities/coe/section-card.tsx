import { Alert, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { formatDateTime } from '../../ui/format-date';
import { ProblemAlert } from '../../ui/problem-alert';
import { saveSection, type CoeDetail, type CoeSection, type LintFinding, type SectionName } from './coe-api';
import { coeProblemTitle, isStale } from './coe-problem';
import { LintNotices } from './lint-notices';
import { SectionComments } from './section-comments';
import { sectionParts, type SectionParts } from './section-parts';
import { codecs, sectionErrors, type SectionValues } from './section-values';
import { useCoeCache } from './use-coe-cache';

type SectionCardProps<N extends SectionName> = {
  number: number;
  name: N;
  title: string;
  section: CoeSection;
  editable: boolean;
  lint: LintFinding[];
  comments: CoeDetail['comments'];
};

type Draft<T> = { version: number; value: T; dirty: boolean };

/** One section of a COE: its guidance, the writing tips about it, an editor saved on its own with If-Match
 *  (so people writing different sections never collide), and its comments. */
export function SectionCard<N extends SectionName>({ number, name, title, section, editable, lint, comments }: SectionCardProps<N>) {
  const headingId = useId();
  const codec = codecs[name];
  const parts = sectionParts[name];
  const fromSection = (s: CoeSection): Draft<SectionValues[N]> => ({ version: s.version, value: codec.read(s.content), dirty: false });
  const [draft, setDraft] = useState(() => fromSection(section));
  // Someone saved a newer version and nothing here is unsaved: show theirs.
  if (!draft.dirty && draft.version !== section.version) setDraft(fromSection(section));
  /** The section as someone else saved it, after our save was refused (412). */
  const [theirs, setTheirs] = useState<CoeSection | null>(null);
  const cache = useCoeCache();

  const save = useMutation({
    mutationFn: ({ version, value }: { version: number; value: SectionValues[N] }) => saveSection(number, name, version, codec.write(value)),
    onSuccess: (fresh, { value }) => {
      setTheirs(null);
      // Keep typing done while saving as unsaved changes on top of the new version.
      setDraft((d) => ({ version: fresh.version, value: d.value, dirty: d.value !== value }));
      cache.sectionSaved(number, fresh);
    },
    onError: async (error) => {
      if (!isStale(error)) return;
      const coe = await cache.fresh(number).catch(() => null);
      setTheirs(coe?.sections.find((s) => s.name === name) ?? null);
    },
  });

  const change = (value: SectionValues[N]) => setDraft((d) => ({ ...d, value, dirty: true }));
  const reloadTheirs = (current: CoeSection) => {
    setDraft(fromSection(current));
    setTheirs(null);
    save.reset();
  };
  const reapplyMine = (current: CoeSection) => {
    setDraft((d) => ({ ...d, version: current.version }));
    setTheirs(null);
    save.mutate({ version: current.version, value: draft.value });
  };

  const Editor = parts.editor;
  const View = parts.view;
  const errors = sectionErrors(isApiError(save.error) ? save.error.errors : [], name);
  const stale = isStale(save.error);
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {section.updatedBy ? `Saved by ${section.updatedBy}, ${formatDateTime(section.updatedAt)}` : 'Not written yet'}
          </Text>
        </Group>
        {section.guidance && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {section.guidance}
          </Text>
        )}
        <LintNotices findings={lint} />
        {editable ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate({ version: draft.version, value: draft.value });
            }}
          >
            <Stack gap="sm">
              {stale ? (
                <ConflictAlert theirs={theirs ?? section} View={View} read={codec.read} onReload={reloadTheirs} onReapply={reapplyMine} busy={save.isPending} />
              ) : (
                <ProblemAlert error={save.error} fields={errors.shown} title={save.error ? coeProblemTitle(save.error) ?? `${title} was not saved` : undefined} />
              )}
              <Editor value={draft.value} onChange={change} errors={errors.at} title={title} />
              <Group justify="flex-end" gap="xs">
                {draft.dirty && (
                  <Text size="sm" c="dimmed">
                    Unsaved changes
                  </Text>
                )}
                {draft.dirty && !stale && (
                  <Button variant="default" onClick={() => reloadTheirs(section)}>
                    Discard changes
                  </Button>
                )}
                <Button type="submit" loading={save.isPending} disabled={!draft.dirty || stale}>
                  Save {title}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <View value={draft.value} />
        )}
        <Divider label="Comments" labelPosition="left" />
        <SectionComments number={number} section={name} title={title} comments={comments} />
      </Stack>
    </Paper>
  );
}

type ConflictAlertProps<T> = {
  theirs: CoeSection;
  View: SectionParts<T>['view'];
  read: (content: unknown) => T;
  onReload: (current: CoeSection) => void;
  onReapply: (current: CoeSection) => void;
  busy: boolean;
};

/** Our save was refused because someone saved this section first: show their text, and let the writer take
 *  theirs or save their own over it knowingly. */
function ConflictAlert<T>({ theirs, View, read, onReload, onReapply, busy }: ConflictAlertProps<T>) {
  return (
    <Alert color="yellow" title={`${theirs.updatedBy ?? 'Someone else'} changed this section`}>
      <Stack gap="xs">
        <Text size="sm">Your changes were not saved, so nothing of theirs was overwritten. This is what they saved:</Text>
        <Paper withBorder p="xs" bg="white" role="group" aria-label="Their version">
          <View value={read(theirs.content)} />
        </Paper>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onReload(theirs)}>
            Reload their version
          </Button>
          <Button size="xs" loading={busy} onClick={() => onReapply(theirs)}>
            Re-apply my changes
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
