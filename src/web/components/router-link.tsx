import { Link as RouterLinkBase, type LinkProps } from 'react-router';

/** A client-side link that looks like the NL Design System link. */
export function RouterLink({ className, ...props }: LinkProps) {
  return <RouterLinkBase className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} {...props} />;
}
