import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** Toggles between Dutch and English; the button text is in the language it switches to. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <Button
      appearance="subtle-button"
      lang={target}
      aria-label={t('app.switchLanguageLabel')}
      onClick={() => void i18n.changeLanguage(target)}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
