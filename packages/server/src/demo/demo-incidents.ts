/** What goes wrong in the demo's year: why cords are pulled, what fixed it, and for the serious
 *  ones the COE the team wrote. `{service}` stands for the service the cord was pulled on. */

export interface ActionPlan {
  title: string;
  type: 'mitigate' | 'prevent' | 'process';
  priority: 'high' | 'medium' | 'low';
}

export interface Incident {
  reason: string;
  comment: string;
  resolution: string;
  /** Present for severity 1 and 2: the COE. */
  coe?: {
    title: string;
    summary: string;
    impact: { description: string; customersAffected: number; durationMinutes: number; failedRequests: number; money: number };
    whys: [why: string, because: string][];
    questions: { detection: string; diagnosis: string; mitigation: string; prevention: string };
    wentWell: string;
    lessons: string;
    tags: string[];
    metric: string;
    actions: ActionPlan[];
    review: string;
  };
}

export const SERIOUS: Incident[] = [
  {
    reason: 'Orders are charged twice after the retry change in {service}',
    comment: 'Rollback of the last deploy started; refunds team is looped in.',
    resolution: 'Rolled back to the previous release and refunded every double charge.',
    coe: {
      title: 'Customers charged twice when {service} retried',
      summary: 'A change to the retry policy of {service} sent a second charge when the payment provider answered slowly. The cord stopped further deploys; the rollback ended the double charges.',
      impact: { description: 'Customers saw two charges for one order; support received 412 contacts.', customersAffected: 1830, durationMinutes: 74, failedRequests: 0, money: 96_400 },
      whys: [
        ['were customers charged twice', 'the service retried a charge that had in fact succeeded'],
        ['did it retry a charge that succeeded', 'the provider answered after our two-second timeout'],
        ['was the charge not made idempotent', 'the idempotency key was added to the API but not to the retry path'],
        ['did review not catch the missing key', 'the retry path has no test that runs against a slow provider'],
        ['is there no such test', 'our test double of the provider cannot be made slow'],
      ],
      questions: {
        detection: 'A customer tweet 20 minutes in; our alarms watch failed charges, not duplicate ones.',
        diagnosis: 'The charge log showed pairs of charges one retry interval apart.',
        mitigation: 'Rollback, then a script to refund every second charge with the same order id.',
        prevention: 'Idempotency keys on every charge path, and a slow mode in the provider test double.',
      },
      wentWell: 'The cord was pulled by someone outside the team within minutes of the first report, and nobody deployed on top of the bad release.',
      lessons: 'Every retry of a call that moves money must carry the idempotency key. Slow dependencies need tests as much as failing ones.',
      tags: ['card-payments', 'retries', 'idempotency'],
      metric: 'duplicate_charges_per_minute',
      actions: [
        { title: 'Send the idempotency key on every charge retry', type: 'prevent', priority: 'high' },
        { title: 'Alarm on duplicate charges per order', type: 'mitigate', priority: 'high' },
        { title: 'Give the provider test double a slow mode', type: 'prevent', priority: 'medium' },
        { title: 'Add "money-moving retries" to the design review checklist', type: 'process', priority: 'low' },
      ],
      review: 'Clear timeline and a root cause that reaches the missing test. Consider whether other teams retry money-moving calls the same way.',
    },
  },
  {
    reason: '{service} returns 503 for one request in five since the 14:02 deploy',
    comment: 'Error rate is back to normal on the canary; waiting for the full rollback.',
    resolution: 'Reverted the connection-pool change; error rate back under 0.1%.',
    coe: {
      title: '{service} out of database connections after a pool change',
      summary: 'A configuration change shrank the connection pool of {service} from 50 to 5 per instance. Under the afternoon peak requests queued for connections and timed out.',
      impact: { description: 'One request in five failed for 52 minutes during the afternoon peak.', customersAffected: 12_400, durationMinutes: 52, failedRequests: 88_000, money: 31_000 },
      whys: [
        ['did requests fail', 'they waited longer than the gateway timeout for a database connection'],
        ['did they wait', 'the pool had 5 connections instead of 50'],
        ['was the pool smaller', 'a shared configuration file changed a default that this service relied on'],
        ['did the service rely on a default', 'its own configuration never set the pool size'],
      ],
      questions: {
        detection: 'The error-rate alarm fired four minutes after the deploy.',
        diagnosis: 'Twenty minutes were lost looking at the database, which was healthy; the pool metric was not on the dashboard.',
        mitigation: 'Reverting the configuration change restored the pool.',
        prevention: 'Set pool sizes explicitly and put pool saturation on the service dashboard.',
      },
      wentWell: 'The alarm fired quickly and the on-call engineer pulled the cord before the change reached the second region.',
      lessons: 'Shared defaults are an interface: changing one is a change to every service that uses it. Saturation metrics belong on the first dashboard page.',
      tags: ['configuration', 'database', 'capacity'],
      metric: 'errors_per_minute',
      actions: [
        { title: 'Set the connection pool size explicitly in every service', type: 'prevent', priority: 'high' },
        { title: 'Put pool saturation on the service dashboard', type: 'mitigate', priority: 'medium' },
        { title: 'Announce shared-default changes to all teams a week ahead', type: 'process', priority: 'medium' },
      ],
      review: 'Good that diagnosis time is called out honestly. The shared-default lesson applies far beyond this team; please share it at the ops review.',
    },
  },
  {
    reason: 'Search results are empty for every query containing an accent, since the analyzer update in {service}',
    comment: 'Confirmed on production; staging shows the same.',
    resolution: 'Restored the previous text analyzer and reindexed the affected shards.',
    coe: {
      title: 'Queries with accents found nothing after an analyzer update in {service}',
      summary: 'A new text analyzer normalised accents at query time but not at index time, so every query with an accented letter matched nothing.',
      impact: { description: 'Queries containing accented letters (about 6% of all queries, 31% in France) returned no results.', customersAffected: 41_000, durationMinutes: 190, failedRequests: 0, money: 58_000 },
      whys: [
        ['did accented queries find nothing', 'query text and indexed text were normalised differently'],
        ['were they normalised differently', 'the new analyzer was applied to queries before the reindex had finished'],
        ['was it applied before the reindex', 'the rollout plan had the two steps in one deploy'],
        ['did tests not catch it', 'the relevance test set has no queries with accents'],
      ],
      questions: {
        detection: 'The zero-results rate alarm is daily, so a support ticket found it first, three hours in.',
        diagnosis: 'Quick once reported: the zero-results dashboard pointed straight at accented queries.',
        mitigation: 'Rolling back the analyzer restored results at once.',
        prevention: 'Queries with accents and other scripts in the relevance test set; an hourly zero-results alarm.',
      },
      wentWell: 'The rollback was one command and results were back within five minutes of the pull.',
      lessons: 'Index-time and query-time changes ship in separate steps, index first. Test sets must include the languages our customers write in.',
      tags: ['search-relevance', 'internationalisation'],
      metric: 'zero_result_queries_per_minute',
      actions: [
        { title: 'Add accented and non-Latin queries to the relevance test set', type: 'prevent', priority: 'high' },
        { title: 'Make the zero-results alarm hourly', type: 'mitigate', priority: 'high' },
        { title: 'Write the two-step rollout for analyzer changes into the runbook', type: 'process', priority: 'medium' },
      ],
      review: 'Strong five whys. Three hours to detect is the real finding here; the hourly alarm should be the first item done.',
    },
  },
  {
    reason: 'Stock levels in {service} lag the warehouse by more than an hour; we are selling items we do not have',
    comment: 'Consumer lag is growing; scaling the consumers did not help.',
    resolution: 'Skipped the poison message blocking the partition and replayed the backlog.',
    coe: {
      title: 'Overselling while {service} was stuck behind one malformed event',
      summary: 'One malformed stock event could not be parsed; the consumer retried it forever and every later event on its partition waited behind it.',
      impact: { description: 'About 900 orders were taken for items that were out of stock and had to be cancelled.', customersAffected: 870, durationMinutes: 118, failedRequests: 0, money: 14_500 },
      whys: [
        ['did we sell items we did not have', 'stock levels were more than an hour old'],
        ['were they old', 'one partition of the stock topic stopped moving'],
        ['did it stop', 'the consumer retried an event it could never parse'],
        ['did it retry forever', 'there is no dead-letter queue for the stock topic'],
      ],
      questions: {
        detection: 'The lag alarm fired, but at a threshold of one hour.',
        diagnosis: 'The consumer logs repeated the same parse error, which made the cause clear once someone read them.',
        mitigation: 'Moving the offset past the bad event; replaying the backlog took 25 minutes.',
        prevention: 'A dead-letter queue, a lower lag threshold and schema validation at the producer.',
      },
      wentWell: 'The warehouse team noticed the mismatch and pulled the cord themselves.',
      lessons: 'A consumer that cannot skip a bad message will eventually stop. Validate events where they are produced.',
      tags: ['messaging', 'inventory-accuracy'],
      metric: 'consumer_lag_seconds',
      actions: [
        { title: 'Add a dead-letter queue to the stock consumer', type: 'prevent', priority: 'high' },
        { title: 'Lower the lag alarm to five minutes', type: 'mitigate', priority: 'high' },
        { title: 'Validate stock events against the schema before publishing', type: 'prevent', priority: 'medium' },
      ],
      review: 'Reads well and is blameless. Please check the other consumers of this topic for the same missing dead-letter queue.',
    },
  },
  {
    reason: 'Sign-in fails for customers with passkeys after the {service} release',
    comment: 'Password sign-in still works; passkey users are stuck.',
    resolution: 'Rolled back; the relying-party id was wrong in the new configuration.',
    coe: {
      title: 'Passkey sign-in broken by a relying-party id change in {service}',
      summary: 'The release changed the relying-party id used for passkeys from the registrable domain to the sign-in host name, so every existing passkey was rejected.',
      impact: { description: 'Customers who sign in with a passkey could not sign in for 41 minutes.', customersAffected: 26_000, durationMinutes: 41, failedRequests: 61_000, money: 9_000 },
      whys: [
        ['did passkey sign-in fail', 'the browser refused credentials for a different relying-party id'],
        ['was the id different', 'the new configuration derived it from the host name'],
        ['did it derive it from the host name', 'the library upgrade changed the default and we did not set it'],
      ],
      questions: {
        detection: 'The sign-in success-rate alarm fired within six minutes.',
        diagnosis: 'Browser errors in the client logs named the relying-party id mismatch.',
        mitigation: 'Rollback.',
        prevention: 'Pin the relying-party id and add a passkey sign-in to the deploy smoke test.',
      },
      wentWell: 'Password sign-in kept working, so most customers were unaffected.',
      lessons: 'Library upgrades change defaults; security-relevant settings must be explicit.',
      tags: ['sign-in', 'dependency-upgrade'],
      metric: 'failed_sign_ins_per_minute',
      actions: [
        { title: 'Pin the passkey relying-party id in configuration', type: 'prevent', priority: 'high' },
        { title: 'Add a passkey sign-in to the post-deploy smoke test', type: 'prevent', priority: 'medium' },
      ],
      review: 'Short and clear. The chain stops at three whys; is there a reason the upgrade notes were not read?',
    },
  },
];

export const MINOR: Incident[] = [
  { reason: 'Flaky integration tests in {service} are being retried until green; stop to look', comment: 'Two of the flaky tests fail for a real race condition.', resolution: 'Fixed the race in the cache invalidation and removed the automatic retries.' },
  { reason: 'p99 latency of {service} doubled after the dependency upgrade', comment: 'The new HTTP client opens a connection per request.', resolution: 'Enabled keep-alive in the new client; latency back to baseline.' },
  { reason: 'A migration in {service} would lock the orders table for minutes', comment: 'Caught in staging; rewriting it as an online migration.', resolution: 'Replaced with a batched online migration.' },
  { reason: 'Wrong currency symbol on prices in {service} for Swiss customers', comment: 'Locale data file is out of date.', resolution: 'Updated the locale data and added a test per supported country.' },
  { reason: 'Memory of {service} grows until the pods restart every six hours', comment: 'Heap dump shows an unbounded cache.', resolution: 'Bounded the cache to 10,000 entries with LRU eviction.' },
  { reason: 'Suspicious: the {service} canary shows 3% more errors than the fleet', comment: 'The extra errors are timeouts to a dependency in one zone.', resolution: 'The dependency had a bad host; it was replaced. No defect in our release.' },
];

/** Severities through the year: mostly 3 and 4, now and then a 1 or 2 (and the first is serious, so
 *  even a short year has a COE). */
export const SEVERITY_PATTERN = [2, 3, 4, 1, 3, 3, 2, 4, 3, 2, 3, 4];
