import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import type { Provider } from '../../api/trajectory-types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { contactBody } from './organisation-form.tsx';
import { OrganisationsAdmin } from './organisations-admin.tsx';

/**
 * Providers (/beheer/aanbieders): who runs trajectories, with their contact person and how many
 * contracts they hold. The administrator creates and edits them; coaches and policy officers read.
 */
export function ProvidersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const contracts = (p: Provider) => t('providers.contractsValue', { active: p.activeContracts, total: p.contracts });
  return (
    <OrganisationsAdmin<Provider>
      config={{
        ns: 'providers',
        listPath: '/api/providers',
        manage: can('admin:manage'),
        extraHeaders: [t('providers.contracts')],
        extraCells: (p) => [can('contracts:read') ? <RouterLink to={`/contracten${query({ providerId: p.id })}`}>{contracts(p)}</RouterLink> : contracts(p)],
        create: (v) => ({ path: '/api/providers', body: { name: v.name.trim(), ...contactBody(v, 'omit') } }),
        update: (p, v) => ({ path: `/api/providers/${encodeURIComponent(p.id)}`, body: { name: v.name.trim(), active: v.active, ...contactBody(v, 'null') } }),
      }}
    />
  );
}
