import { Alert, List } from '@mantine/core';
import type { LintFinding } from './coe-api';

/** Blameless-writing advice from the server, shown gently next to what it is about; it never blocks saving. */
export function LintNotices({ findings, title = 'Writing tips' }: { findings: LintFinding[]; title?: string }) {
  if (findings.length === 0) return null;
  return (
    <Alert color="blue" variant="light" title={title} role="note" aria-label={title}>
      <List size="sm" spacing={2}>
        {findings.map((f) => (
          <List.Item key={`${f.section}:${f.code}:${f.message}`}>{f.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
