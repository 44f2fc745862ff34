import { Button, Center, Container, Group, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AdminPage } from './capabilities/admin/admin-page';
import { AndonBoardPage } from './capabilities/andon/andon-board-page';
import { PullPage } from './capabilities/andon/pull-page';
import { AccountMenu } from './capabilities/auth/account-menu';
import type { SetupStatus } from './capabilities/auth/auth-api';
import { SetupPage } from './capabilities/auth/setup-page';
import { SignInPage } from './capabilities/auth/sign-in-page';
import { SignUpPage } from './capabilities/auth/sign-up-page';
import { useSession, useSessionQuery, useSetupStatus } from './capabilities/auth/use-session';
import { ArchitecturePage } from './capabilities/catalog/architecture-page';
import { CatalogImportPage } from './capabilities/catalog/catalog-import-page';
import { CatalogPage } from './capabilities/catalog/catalog-page';
import { EntityPage } from './capabilities/catalog/entity-page';
import { EntityRegisterPage } from './capabilities/catalog/entity-register-page';
import { ActionItemsPage } from './capabilities/coe/action-items-page';
import { CoeCreatePage } from './capabilities/coe/coe-create-page';
import { CoePage } from './capabilities/coe/coe-page';
import { CoePrintPage } from './capabilities/coe/coe-print-page';
import { CoesPage } from './capabilities/coe/coes-page';
import { CoeFiguresPage } from './capabilities/coe/coe-figures-page';
import { InboxPage } from './capabilities/notifications/inbox-page';
import { NotificationChoicesPage } from './capabilities/notifications/notification-choices-page';
import { ExperimentCreatePage } from './capabilities/experiments/experiment-create-page';
import { ExperimentPage } from './capabilities/experiments/experiment-page';
import { ExperimentsPage } from './capabilities/experiments/experiments-page';
import { SampleSizePage } from './capabilities/stats/sample-size-page';
import { PeoplePage } from './capabilities/people/people-page';
import { PersonPage } from './capabilities/people/person-page';
import { OrgTreePage } from './capabilities/teams/org-tree-page';
import { FlywheelPage } from './capabilities/flywheel/flywheel-page';
import { TeamCreatePage } from './capabilities/teams/team-create-page';
import { TeamPage } from './capabilities/teams/team-page';
import { TeamsPage } from './capabilities/teams/teams-page';
import { DecisionsPage } from './capabilities/prfaq/decisions-page';
import { PortfolioPage } from './capabilities/prfaq/portfolio-page';
import { PrfaqCreatePage } from './capabilities/prfaq/prfaq-create-page';
import { PrfaqPage } from './capabilities/prfaq/prfaq-page';
import { PrfaqPrintPage } from './capabilities/prfaq/prfaq-print-page';
import { PrfaqsPage } from './capabilities/prfaq/prfaqs-page';
import { InsightsPage } from './capabilities/insights/insights-page';
import { HeaderSearch } from './capabilities/search/header-search';
import { SearchPage } from './capabilities/search/search-page';
import { TokensPage } from './capabilities/tokens/tokens-page';
import { WebhookPage } from './capabilities/webhooks/webhook-page';
import { WebhooksPage } from './capabilities/webhooks/webhooks-page';
import { AppShellLayout, type NavItem } from './ui/app-shell-layout';
import { NotFound } from './ui/not-found';
import { ProblemAlert } from './ui/problem-alert';

/** Chooses between first-run setup, the signed-out pages and the signed-in app. */
export function App() {
  const setup = useSetupStatus();
  const session = useSessionQuery();
  if (setup.isPending || session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (setup.isError || session.isError) {
    return (
      <Container size="sm" py="xl">
        <ProblemAlert error={setup.error ?? session.error} title="Day One is not answering">
          <Button mt="sm" size="xs" variant="white" onClick={() => void Promise.all([setup.refetch(), session.refetch()])}>
            Try again
          </Button>
        </ProblemAlert>
      </Container>
    );
  }
  return session.data ? <SignedInRoutes /> : <SignedOutRoutes setup={setup.data} />;
}

function SignedOutRoutes({ setup }: { setup: SetupStatus }) {
  if (setup.needsSetup) {
    return (
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="*" element={<Navigate to="/setup" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage signupMode={setup.signupMode} />} />
      <Route path="*" element={<RedirectToSignIn />} />
    </Routes>
  );
}

function SignedInRoutes() {
  const { person } = useSession();
  const isAdmin = person.role === 'admin';
  const nav: NavItem[] = [
    { label: 'Insights', to: '/insights' },
    { label: 'Teams', to: '/teams' },
    { label: 'Org tree', to: '/org' },
    { label: 'Catalog', to: '/catalog' },
    { label: 'Architecture', to: '/architecture' },
    { label: 'Andon', to: '/andon' },
    { label: 'Experiments', to: '/experiments' },
    { label: 'PR/FAQs', to: '/prfaqs' },
    { label: 'COEs', to: '/coes' },
    { label: 'People', to: '/people' },
    { label: 'API tokens', to: '/tokens' },
    { label: 'Webhooks', to: '/webhooks' },
    ...(isAdmin ? [{ label: 'Admin', to: '/admin' }] : []),
    { label: 'API reference', to: '/api/docs', external: true },
  ];
  return (
    <Routes>
      {['/setup', '/signin', '/signup'].map((path) => (
        <Route key={path} path={path} element={<ReturnToApp />} />
      ))}
      <Route path="/coes/:number/print" element={<CoePrintPage />} />
      <Route path="/prfaqs/:number/print" element={<PrfaqPrintPage />} />
      <Route element={<AppShellLayout nav={nav} account={<Group gap="sm" wrap="nowrap"><HeaderSearch /><AccountMenu /></Group>} />}>
        <Route index element={<Navigate to="/teams" replace />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/new" element={<TeamCreatePage />} />
        <Route path="teams/:name" element={<TeamPage />} />
        <Route path="teams/:name/flywheel" element={<FlywheelPage />} />
        <Route path="org" element={<OrgTreePage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="catalog/new" element={<EntityRegisterPage />} />
        <Route path="catalog/import" element={<CatalogImportPage />} />
        <Route path="catalog/:kind/:namespace/:name" element={<EntityPage />} />
        <Route path="architecture" element={<ArchitecturePage />} />
        <Route path="andon" element={<AndonBoardPage />} />
        <Route path="andon/pulls/:id" element={<PullPage />} />
        <Route path="experiments" element={<ExperimentsPage />} />
        <Route path="experiments/new" element={<ExperimentCreatePage />} />
        <Route path="experiments/sample-size" element={<SampleSizePage />} />
        <Route path="experiments/:key" element={<ExperimentPage />} />
        <Route path="prfaqs" element={<PrfaqsPage />} />
        <Route path="prfaqs/new" element={<PrfaqCreatePage />} />
        <Route path="prfaqs/decisions" element={<DecisionsPage />} />
        <Route path="prfaqs/portfolio" element={<PortfolioPage />} />
        <Route path="prfaqs/:number" element={<PrfaqPage />} />
        <Route path="coes" element={<CoesPage />} />
        <Route path="coes/new" element={<CoeCreatePage />} />
        <Route path="coes/figures" element={<CoeFiguresPage />} />
        <Route path="coes/:number" element={<CoePage />} />
        <Route path="action-items" element={<ActionItemsPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="inbox/choices" element={<NotificationChoicesPage />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="people/:name" element={<PersonPage />} />
        <Route path="insights" element={<InsightsPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="webhooks/:id" element={<WebhookPage />} />
        {isAdmin && <Route path="admin" element={<AdminPage />} />}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Sends a signed-out visitor to sign in, remembering where they were going. */
function RedirectToSignIn() {
  const { pathname, search } = useLocation();
  return <Navigate to="/signin" replace state={{ from: `${pathname}${search}` }} />;
}

/** After signing in, returns to the page the visitor first asked for. */
function ReturnToApp() {
  const { state } = useLocation();
  const from = (state as { from?: string } | null)?.from;
  return <Navigate to={from && from !== '/' ? from : '/teams'} replace />;
}
