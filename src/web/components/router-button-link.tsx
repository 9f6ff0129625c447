import { Link, type LinkProps } from 'react-router';

const APPEARANCE = {
  'primary-action-button': 'utrecht-button-link--primary-action',
  'secondary-action-button': 'utrecht-button-link--secondary-action',
  'subtle-button': 'utrecht-button-link--subtle',
} as const;

/** A client-side link that looks like an NL Design System button (for prominent navigation such as "Nieuwe cliënt"). */
export function RouterButtonLink({
  appearance = 'secondary-action-button',
  className,
  ...props
}: LinkProps & { appearance?: keyof typeof APPEARANCE }) {
  return (
    <Link
      className={['utrecht-button-link', 'utrecht-button-link--html-a', APPEARANCE[appearance], className].filter(Boolean).join(' ')}
      {...props}
    />
  );
}
