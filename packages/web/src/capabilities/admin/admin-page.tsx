import { Divider, Stack } from '@mantine/core';
import { PageHeader } from '../../ui/page-header';
import { AuditSection } from './audit-section';
import { InvitesSection } from './invites-section';
import { SignupModeSection } from './signup-mode-section';

export function AdminPage() {
  return (
    <Stack>
      <PageHeader title="Admin" description="Instance settings, invitations and the audit log." />
      <SignupModeSection />
      <Divider />
      <InvitesSection />
      <Divider />
      <AuditSection />
    </Stack>
  );
}
