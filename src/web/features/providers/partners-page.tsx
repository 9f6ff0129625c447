import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS } from '../../../shared/referrals.ts';
import type { ManagedOrganisation } from '../../api/trajectory-types.ts';
import { contactBody } from './organisation-form.tsx';
import { OrganisationsAdmin } from './organisations-admin.tsx';

/**
 * Network partners (/beheer/netwerkpartners): Taalhuis, library, neighbourhood team, debt
 * counselling, sports club. The administrator adds and edits them; coaches refer to them.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const kind = (k: string | null | undefined) => (k ? t(`partners.kinds.${k}`, { defaultValue: k }) : t('common.none'));
  return (
    <OrganisationsAdmin<ManagedOrganisation>
      config={{
        ns: 'partners',
        listPath: '/api/external-organisations',
        keep: (o) => o.kind === 'partner',
        manage: true,
        partnerKinds: PARTNER_KINDS.map((k) => ({ value: k, label: kind(k) })),
        extraHeaders: [t('partners.kind')],
        extraCells: (p) => [kind(p.partnerKind)],
        create: (v) => ({
          path: '/api/external-organisations',
          body: { kind: 'partner', name: v.name.trim(), partnerKind: v.partnerKind, ...contactBody(v, 'omit') },
        }),
        update: (p, v) => ({
          path: `/api/external-organisations/${encodeURIComponent(p.id)}`,
          body: { name: v.name.trim(), partnerKind: v.partnerKind, active: v.active, ...contactBody(v, 'null') },
        }),
      }}
    />
  );
}
