import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_ROLES, ROLES } from '../../../shared/roles.ts';
import type { ApiError } from '../../api/client.ts';
import type { AdminUser, ExternalOrganisation, Role, Team } from '../../api/types.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';

/** The values the user form collects; empty strings mean "not chosen". */
export type UserFormValues = {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  teamId: string;
  externalOrganisationId: string;
};

/** Which kind of external organisation a role belongs to, if any (shared reference data, not an access rule). */
export function externalKindFor(role: Role): 'provider' | 'partner' | undefined {
  return (EXTERNAL_ROLES as Record<string, 'provider' | 'partner'>)[role];
}

/**
 * Roles an administrator can give on this screen. Client accounts belong to a client's dossier and
 * the API refuses them here, so 'client' is only listed when an existing account already has it.
 */
export function assignableRoles(current?: Role): Role[] {
  return ROLES.filter((role) => role !== 'client' || role === current);
}

/** Starting values for a new user, or for editing an existing one. */
export function initialUserValues(user?: AdminUser): UserFormValues {
  return {
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'coach',
    password: '',
    teamId: user?.team?.id ?? '',
    externalOrganisationId: user?.externalOrganisation?.id ?? '',
  };
}

type Props = {
  mode: 'create' | 'edit';
  idPrefix: string;
  /** Id of the heading that names the form. */
  labelledBy: string;
  initial: UserFormValues;
  teams: Team[];
  organisations: ExternalOrganisation[];
  error: ApiError | undefined;
  pending: boolean;
  onSubmit: (values: UserFormValues) => void;
  onCancel?: () => void;
};

/** Create or edit a user account; the organisation field appears only for roles that belong to one. */
export function UserForm({ mode, idPrefix, labelledBy, initial, teams, organisations, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = fieldErrors(error, t);
  const kind = externalKindFor(values.role);
  const set = <K extends keyof UserFormValues>(key: K) => (value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ ...values, externalOrganisationId: kind ? values.externalOrganisationId : '' });
  };

  return (
    <form onSubmit={submit} aria-labelledby={labelledBy} className="meedoen-form">
      <ProblemAlert error={error} id={`${idPrefix}-problem`} />
      {mode === 'create' ? (
        <TextField
          id={`${idPrefix}-email`}
          label={t('users.email')}
          type="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
      ) : null}
      <TextField
        id={`${idPrefix}-displayName`}
        label={t('users.displayName')}
        autoComplete="off"
        required
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
      />
      <SelectField
        id={`${idPrefix}-role`}
        label={t('users.role')}
        required
        value={values.role}
        onChange={(v) => set('role')(v as Role)}
        options={assignableRoles(initial.role).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        error={errors.role}
      />
      {mode === 'create' ? (
        <TextField
          id={`${idPrefix}-password`}
          label={t('users.password')}
          description={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          value={values.password}
          onChange={set('password')}
          error={errors.password}
        />
      ) : null}
      <SelectField
        id={`${idPrefix}-team`}
        label={t('users.team')}
        value={values.teamId}
        onChange={set('teamId')}
        emptyLabel={t('common.noneOption')}
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
        error={errors.teamId}
      />
      {kind ? (
        <SelectField
          id={`${idPrefix}-organisation`}
          label={kind === 'provider' ? t('users.providerOrganisation') : t('users.partnerOrganisation')}
          required
          value={values.externalOrganisationId}
          onChange={set('externalOrganisationId')}
          emptyLabel={t('common.noneOption')}
          options={organisations.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name }))}
          error={errors.externalOrganisationId}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {mode === 'create' ? t('users.create') : t('common.save')}
        </Button>
        {onCancel ? (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
