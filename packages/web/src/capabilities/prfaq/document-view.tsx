import type { PrfaqVersion } from '@dayone/contracts';
import { Code, Image, Stack, Text, Title } from '@mantine/core';
import { MarkdownView } from './markdown-view';
import { pressReleaseFields, pressReleaseLabels } from './prfaq-labels';

type Faq = { question: string; answer: string }[];

/** A version of the document as readers see it: every text rendered from Markdown, safely. */
export function DocumentView({ version }: { version: Pick<PrfaqVersion, 'title' | 'customer' | 'sections'> }) {
  const content = (name: string) => version.sections.find((s) => s.name === name)?.content as never;
  const pr = (content('pressRelease') as Record<string, string> | undefined) ?? {};
  const faq = (title: string, entries: Faq | undefined) => (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      {(entries ?? []).map((e, i) => (
        <div key={i}>
          <Text fw={600}>{e.question}</Text>
          <MarkdownView text={e.answer} />
        </div>
      ))}
    </Stack>
  );
  const manual = (content('userManual') as Record<string, string> | undefined) ?? {};
  const cx = (content('customerExperience') as { narrative?: string; useCases?: { title: string; description: string; code: string; language: string }[]; mockups?: { url: string; alt: string; caption: string }[] } | undefined) ?? {};
  return (
    <Stack gap="md" aria-label="Document" role="article">
      <Text size="sm" c="dimmed">
        For: {version.customer || 'no customer named yet'}
      </Text>
      <Title order={3} size="h3">
        <MarkdownView text={pr.heading ?? ''} empty="No heading yet." />
      </Title>
      {pressReleaseFields
        .filter((f) => f !== 'heading')
        .map((f) => (
          <div key={f}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {pressReleaseLabels[f]}
            </Text>
            <MarkdownView text={pr[f] ?? ''} />
          </div>
        ))}
      {faq('External FAQ', content('externalFaq'))}
      {faq('Internal FAQ', content('internalFaq'))}
      <Title order={3} size="h4">
        Customer experience
      </Title>
      <MarkdownView text={cx.narrative ?? ''} />
      {(cx.useCases ?? []).map((u, i) => (
        <div key={i}>
          <Text fw={600}>{u.title}</Text>
          <MarkdownView text={u.description} empty="" />
          {u.code && <Code block>{u.code}</Code>}
        </div>
      ))}
      {(cx.mockups ?? []).map((m, i) => (
        <figure key={i} style={{ margin: 0 }}>
          <Image src={m.url} alt={m.alt} mah={320} fit="contain" />
          {m.caption && <figcaption><MarkdownView text={m.caption} empty="" /></figcaption>}
        </figure>
      ))}
      <Title order={3} size="h4">
        User manual
      </Title>
      {(['concepts', 'howTo', 'reference'] as const).map((f) => (
        <MarkdownView key={f} text={manual[f] ?? ''} />
      ))}
    </Stack>
  );
}
