import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/20261123_0001_foundation.ts';
import * as coachDesk from './migrations/20261123_0002_coach_desk.ts';
import * as trajectories from './migrations/20261126_0003_trajectories.ts';
import * as referralTasks from './migrations/20261126_0004_referral_tasks.ts';
import * as cohortSeats from './migrations/20261126_0005_cohort_seats.ts';
import * as providerReferralList from './migrations/20261126_0006_provider_referral_list.ts';
import * as plans from './migrations/20261126_0010_plans.ts';
import * as placements from './migrations/20261126_0011_placements.ts';
import * as clientPortal from './migrations/20261126_0012_client_portal.ts';
import * as kpiFacts from './migrations/20261126_0013_kpi_facts.ts';
import * as performanceAgreements from './migrations/20261126_0014_performance_agreements.ts';
import * as councilReports from './migrations/20261126_0015_council_reports.ts';
import * as kpiIndexes from './migrations/20261126_0016_kpi_indexes.ts';
import * as kpiBenchIndexes from './migrations/20261126_0017_kpi_bench_indexes.ts';
import * as inlinableProviderPolicies from './migrations/20261126_0018_inlinable_provider_policies.ts';
import * as moduleProjectVersions from './migrations/20261126_0020_module_project_versions.ts';
import * as taskRulesOutflowEscalations from './migrations/20261126_0021_task_rules_outflow_escalations.ts';
import * as caseloadTrajectoryEnd from './migrations/20261126_0022_caseload_trajectory_end.ts';
import * as kpiSnapshots from './migrations/20261126_0023_kpi_snapshots.ts';
import * as annualConversationOverview from './migrations/20261126_0024_annual_conversation_overview.ts';
import * as kpiSourceWriters from './migrations/20261126_0025_kpi_source_writers.ts';
import * as caseloadOpenTasks from './migrations/20261126_0026_caseload_open_tasks.ts';
import * as referralMeasuredFlags from './migrations/20261126_0028_referral_measured_flags.ts';
import * as hashableEnrolmentPolicy from './migrations/20261126_0029_hashable_enrolment_policy.ts';
import * as providerTenantKeys from './migrations/20261127_0033_provider_tenant_keys.ts';

/**
 * Migrations are listed here rather than read from a folder, so they work the same under tsx,
 * vitest and a bundled build. Timestamped names; forward-only once committed.
 */
const migrations: Record<string, Migration> = {
  '20261123_0001_foundation': foundation,
  '20261123_0002_coach_desk': coachDesk,
  '20261126_0003_trajectories': trajectories,
  '20261126_0004_referral_tasks': referralTasks,
  '20261126_0005_cohort_seats': cohortSeats,
  '20261126_0006_provider_referral_list': providerReferralList,
  '20261126_0010_plans': plans,
  '20261126_0011_placements': placements,
  '20261126_0012_client_portal': clientPortal,
  '20261126_0013_kpi_facts': kpiFacts,
  '20261126_0014_performance_agreements': performanceAgreements,
  '20261126_0015_council_reports': councilReports,
  '20261126_0016_kpi_indexes': kpiIndexes,
  '20261126_0017_kpi_bench_indexes': kpiBenchIndexes,
  '20261126_0018_inlinable_provider_policies': inlinableProviderPolicies,
  '20261126_0020_module_project_versions': moduleProjectVersions,
  '20261126_0021_task_rules_outflow_escalations': taskRulesOutflowEscalations,
  '20261126_0022_caseload_trajectory_end': caseloadTrajectoryEnd,
  '20261126_0023_kpi_snapshots': kpiSnapshots,
  '20261126_0024_annual_conversation_overview': annualConversationOverview,
  '20261126_0025_kpi_source_writers': kpiSourceWriters,
  '20261126_0026_caseload_open_tasks': caseloadOpenTasks,
  '20261126_0028_referral_measured_flags': referralMeasuredFlags,
  '20261126_0029_hashable_enrolment_policy': hashableEnrolmentPolicy,
  '20261127_0033_provider_tenant_keys': providerTenantKeys,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error));
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause });
  }
  return (results ?? []).map((r) => r.migrationName);
}
