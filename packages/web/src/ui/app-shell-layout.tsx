import { Anchor, AppShell, Burger, Group, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../capabilities/notifications/notification-bell';

export type NavItem = { label: string; to: string; external?: boolean };

type AppShellLayoutProps = { nav: NavItem[]; account: React.ReactNode };

/** The signed-in frame: header with product name, the inbox bell and account, left navbar, routed page in the middle. */
export function AppShellLayout({ nav, account }: AppShellLayoutProps) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never" c="inherit">
              Day One
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            {account}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {nav.map((item) =>
          item.external ? (
            <NavLink key={item.to} component="a" href={item.to} label={item.label} />
          ) : (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
              onClick={close}
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
