import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { WatchButton } from '../notifications/watch-button';
import { useMayActForTeam } from '../teams/use-may-act-for-team';
import { ActionItemForm } from './action-item-form';
import { ActionItemsTable } from './action-items-table';
import { CoeCloseButton } from './coe-close-dialog';
import { coeKeys, coeMarkdownUrl, fetchCoe, submitCoe, type CoeDetail, type LintFinding, type SectionName } from './coe-api';
import { CoeFacts } from './coe-facts';
import { sectionOrder, sectionTitles } from './coe-labels';
import { coeProblemTitle } from './coe-problem';
import { CoeReviews } from './coe-reviews';
import { CoeStatusBadge } from './coe-status-badge';
import { LintNotices } from './lint-notices';
import { SectionCard } from './section-card';
import { SupportingDataSection } from './supporting-data-section';
import { CoeTags } from './coe-tags';
import { useCoeCache } from './use-coe-cache';

/** One Correction of Error: what happened, why, what we learned and what we will do, written blamelessly. */
export function CoePage() {
  const { number: param = '' } = useParams();
  const number = Number(param);
  const coe = useQuery({ queryKey: coeKeys.one(number), queryFn: () => fetchCoe(number), enabled: Number.isInteger(number) && number > 0 });
  return <QueryState query={coe}>{(c) => <CoeDetailView coe={c} />}</QueryState>;
}

const isSection = (name: string): name is SectionName => name in sectionTitles;

function CoeDetailView({ coe }: { coe: CoeDetail }) {
  const mayAct = useMayActForTeam(coe.team);
  const [actionError, setActionError] = useState<unknown>(null);
  const editable = mayAct === true && coe.status !== 'closed';
  const lintFor = (section: string) => coe.lint.filter((f) => f.section === section);
  const actionItemLint = coe.lint.filter((f) => f.code === 'NO_ACTION_ITEMS' || /^action/i.test(f.section));
  const otherLint = coe.lint.filter((f) => !isSection(f.section) && !actionItemLint.includes(f));
  return (
    <Stack>
      <Anchor component={Link} to="/coes" size="sm">
        Back to COEs
      </Anchor>
      <PageHeader
        title={`COE #${coe.number}: ${coe.title}`}
        description={statusHint(coe)}
        actions={
          <>
            <WatchButton kind="coe" name={coe.number} what={`COE ${coe.number}`} />
            {mayAct && coe.status === 'draft' && <SubmitButton coe={coe} onError={setActionError} />}
            {mayAct && (coe.status === 'in_review' || coe.status === 'reviewed') && <CoeCloseButton coe={coe} />}
            <Button component="a" href={coeMarkdownUrl(coe.number)} download={`coe-${coe.number}.md`} variant="default">
              Export Markdown
            </Button>
            <Button component={Link} to={`/coes/${coe.number}/print`} variant="default">
              Print
            </Button>
          </>
        }
      />
      <Group gap="xs" mt={-8}>
        <CoeStatusBadge status={coe.status} size="lg" />
        <CoeTags number={coe.number} tags={coe.tags} editable={editable} />
      </Group>
      <ProblemAlert error={actionError} title={coeProblemTitle(actionError)} />
      <CoeFacts coe={coe} />
      <LintNotices findings={otherLint} />
      {mayAct === false && coe.status !== 'closed' && (
        <Text size="sm" c="dimmed">
          Members of {coe.team} write this COE. Anyone may comment on its sections and review it.
        </Text>
      )}
      {sectionOrder.map((name) => {
        const section = coe.sections.find((s) => s.name === name);
        if (!section) return null;
        const card = (
          <SectionCard
            key={name}
            number={coe.number}
            name={name}
            title={sectionTitles[name]}
            section={section}
            editable={editable}
            lint={lintFor(name)}
            comments={coe.comments.filter((c) => c.section === name)}
          />
        );
        // Supporting data comes right after the timeline, whose milestones its charts mark.
        return name === 'timeline' ? [card, <SupportingDataSection key="supporting-data" number={coe.number} editable={editable} />] : card;
      })}
      <ActionItems coe={coe} lint={actionItemLint} editable={editable} />
      <CoeReviews coe={coe} />
      <RelatedCoes related={coe.related} />
    </Stack>
  );
}

function statusHint(coe: CoeDetail): string {
  switch (coe.status) {
    case 'draft':
      return `A draft: ${coe.team} writes it, then submits it for review.`;
    case 'in_review':
      return 'In review: someone from outside the team reads it and adds a review.';
    case 'reviewed':
      return 'Reviewed: the team closes it once every action item is done or won’t be done.';
    case 'closed':
      return 'Closed: kept as it is for others to learn from.';
  }
}

function SubmitButton({ coe, onError }: { coe: CoeDetail; onError: (error: unknown) => void }) {
  const cache = useCoeCache();
  const mutation = useMutation({
    mutationFn: () => submitCoe(coe.number),
    onMutate: () => onError(null),
    onSuccess: cache.written,
    onError,
  });
  return (
    <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
      Submit for review
    </Button>
  );
}

function ActionItems({ coe, lint, editable }: { coe: CoeDetail; lint: LintFinding[]; editable: boolean }) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group gap="xs">
        <Title order={2} size="h4" id={headingId}>
          Action items
        </Title>
        <Badge variant="light" color="gray" aria-label={`${coe.actionItems.length} action items`}>
          {coe.actionItems.length}
        </Badge>
      </Group>
      <LintNotices findings={lint} />
      {coe.actionItems.length === 0 ? (
        <Text c="dimmed">No action items yet.</Text>
      ) : (
        <ActionItemsTable items={coe.actionItems} label="Action items of this COE" editable={coe.status !== 'closed'} />
      )}
      {editable && <ActionItemForm number={coe.number} team={coe.team} />}
    </Stack>
  );
}

function RelatedCoes({ related }: { related: CoeDetail['related'] }) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h4" id={headingId}>
        Related COEs
      </Title>
      {related.length === 0 ? (
        <Text c="dimmed">None found.</Text>
      ) : (
        <List>
          {related.map((r) => (
            <List.Item key={r.number}>
              <Anchor component={Link} to={`/coes/${r.number}`}>
                COE #{r.number}: {r.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
