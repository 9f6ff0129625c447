import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

/** Languages the UI offers; Dutch first, it is the language of the service. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'meedoen.language';

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'nl') return stored;
  } catch {
    // storage may be unavailable (privacy mode); Dutch is the default
  }
  return 'nl';
}

/** Keeps <html lang> in step with the UI language (WCAG 3.1.1) and remembers the choice. */
function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore: the choice then lasts for this page only
  }
}

/** Initialises i18next once with both catalogues; import for its side effect before rendering. */
export function setupI18n(): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { nl: { translation: nl }, en: { translation: en } },
      lng: initialLanguage(),
      fallbackLng: 'nl',
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    i18n.on('languageChanged', applyLanguage);
    applyLanguage(i18n.language);
  }
  return i18n;
}
