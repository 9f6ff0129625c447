import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { RouterLink } from '../../components/router-link.tsx';

/** The buttons under every form: shared with the rest of the UI. */
export { FormActions } from '../../components/form-actions.tsx';

/** A form-level message that is not tied to one input (such as "choose a client first"), announced at once. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Paragraph className="utrecht-form-field-error-message" role="alert">
      {message}
    </Paragraph>
  );
}

/** What a detail page shows for an unknown (or malformed) id: a heading and the way back. */
export function NotFoundMessage({ title, backTo, backLabel }: { title: string; backTo: string; backLabel: string }) {
  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>
        <RouterLink to={backTo}>{backLabel}</RouterLink>
      </Paragraph>
    </>
  );
}
