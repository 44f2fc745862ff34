import { PRESS_RELEASE_GUIDANCE, USER_MANUAL_GUIDANCE, type PrfaqDetail } from '@dayone/contracts';
import { Grid, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CoachPanel } from './coach-panel';
import { CustomerExperienceFields } from './customer-experience-fields';
import { FaqFields } from './faq-fields';
import { fetchPrfaq, prfaqKeys } from './prfaq-api';
import { draftsOf, sectionGuidance, sectionVersion, type Drafts } from './prfaq-drafts';
import { pressReleaseFields, pressReleaseLabels, shortFields } from './prfaq-labels';
import { SectionCard } from './section-card';
import { useCoach } from './use-coach';

/** The editor: every section with its guidance and its own save, and the coach reading the unsaved text. */
export function PrfaqWrite({ doc }: { doc: PrfaqDetail }) {
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(doc));
  const queryClient = useQueryClient();
  const coach = useCoach(doc.customer, drafts);
  const set = <K extends keyof Drafts>(key: K, value: Drafts[K]) => setDrafts((d) => ({ ...d, [key]: value }));
  // After a conflict, the section shows what is saved now (the other person's text).
  const reload = (key: keyof Drafts) => async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: prfaqKeys.one(doc.number), queryFn: () => fetchPrfaq(doc.number), staleTime: 0 });
    setDrafts((d) => ({ ...d, [key]: draftsOf(fresh)[key] }));
  };
  const card = (name: keyof Drafts, title: string) => ({ number: doc.number, name, title, guidance: sectionGuidance(doc, name), version: sectionVersion(doc, name), content: () => drafts[name], onReload: reload(name) });
  const pr = drafts.pressRelease;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          <SectionCard {...card('pressRelease', 'Press release')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {shortFields.slice(2).map((f) => (
                <TextInput key={f} label={pressReleaseLabels[f]} description={PRESS_RELEASE_GUIDANCE[f]} value={pr[f] ?? ''} onChange={(e) => set('pressRelease', { ...pr, [f]: e.currentTarget.value })} />
              ))}
            </SimpleGrid>
            {pressReleaseFields
              .filter((f) => !shortFields.slice(2).includes(f))
              .map((f) =>
                shortFields.includes(f) ? (
                  <TextInput key={f} label={pressReleaseLabels[f]} description={PRESS_RELEASE_GUIDANCE[f]} value={pr[f] ?? ''} onChange={(e) => set('pressRelease', { ...pr, [f]: e.currentTarget.value })} />
                ) : (
                  <Textarea key={f} label={pressReleaseLabels[f]} description={PRESS_RELEASE_GUIDANCE[f]} autosize minRows={2} value={pr[f] ?? ''} onChange={(e) => set('pressRelease', { ...pr, [f]: e.currentTarget.value })} />
                ),
              )}
          </SectionCard>
          <SectionCard {...card('externalFaq', 'External FAQ')}>
            <FaqFields label="External" entries={drafts.externalFaq} onChange={(v) => set('externalFaq', v)} />
          </SectionCard>
          <SectionCard {...card('internalFaq', 'Internal FAQ')}>
            <FaqFields label="Internal" entries={drafts.internalFaq} onChange={(v) => set('internalFaq', v)} />
          </SectionCard>
          <SectionCard {...card('customerExperience', 'Customer experience')}>
            <CustomerExperienceFields number={doc.number} value={drafts.customerExperience} onChange={(v) => set('customerExperience', v)} />
          </SectionCard>
          <SectionCard {...card('userManual', 'User manual')}>
            {(['concepts', 'howTo', 'reference'] as const).map((f) => (
              <Textarea key={f} label={{ concepts: 'Concepts', howTo: 'How to', reference: 'Reference' }[f]} description={USER_MANUAL_GUIDANCE[f]} autosize minRows={2} value={drafts.userManual[f] ?? ''} onChange={(e) => set('userManual', { ...drafts.userManual, [f]: e.currentTarget.value })} />
            ))}
          </SectionCard>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <div style={{ position: 'sticky', top: 70 }}>
          <CoachPanel result={coach.result ?? doc.coach} texts={coach.texts} pending={coach.pending} />
        </div>
      </Grid.Col>
    </Grid>
  );
}
