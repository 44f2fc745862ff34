import { sql, type Kysely } from 'kysely';

const SUMS = ['covariate_sum', 'covariate_sum_squares', 'sum_products'] as const;

/** CUPED and the results over time. Each user's pre-exposure value of a metric (its covariate x) is
 *  kept beside the post-exposure value y; per variant the rollups add Σx, Σx² and Σxy to n, Σy, Σy².
 *  The same sums are also kept per day of the users' first exposure, so the cumulative results up to
 *  any day are a sum of daily rows. Existing rollups are carried over into the daily rows. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('experiment_user_metrics').addColumn('covariate', 'double precision', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('experiment_user_metrics').addColumn('covariate_events', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const column of SUMS) {
    await db.schema.alterTable('experiment_variant_stats').addColumn(column, 'double precision', (c) => c.notNull().defaultTo(0)).execute();
  }

  await db.schema
    .createTable('experiment_daily_stats')
    .addColumn('experiment_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('metric', 'varchar(100)', (c) => c.notNull())
    .addColumn('variant', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('users', 'integer', (c) => c.notNull())
    .addColumn('sum', 'double precision', (c) => c.notNull())
    .addColumn('sum_squares', 'double precision', (c) => c.notNull())
    .addColumn('covariate_sum', 'double precision', (c) => c.notNull())
    .addColumn('covariate_sum_squares', 'double precision', (c) => c.notNull())
    .addColumn('sum_products', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('experiment_daily_stats_pk', ['experiment_key', 'metric', 'variant', 'day'])
    .execute();

  // Users exposed so far, by the day of their first exposure, with their current values.
  await sql`
    insert into experiment_daily_stats (experiment_key, metric, variant, day, users, sum, sum_squares, covariate_sum, covariate_sum_squares, sum_products)
    select s.experiment_key, s.metric, s.variant, substr(x.first_at, 1, 10), count(*),
           coalesce(sum(m.value), 0), coalesce(sum(m.value * m.value), 0), 0, 0, 0
    from experiment_variant_stats s
    join experiment_exposures x on x.experiment_key = s.experiment_key and x.variant = s.variant
    left join experiment_user_metrics m on m.experiment_key = s.experiment_key and m.metric = s.metric and m.user_id = x.user_id
    group by s.experiment_key, s.metric, s.variant, substr(x.first_at, 1, 10)`.execute(db);
}
