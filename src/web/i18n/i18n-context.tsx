import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { id, type MessageKey } from './id';
import { formatMessage, type MessageParams } from './format-message';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const dictionaries = { id, en } satisfies Record<Locale, Record<MessageKey, string>>;
const STORAGE_KEY = 'ekinerja.locale';

export const isLocale = (value: unknown): value is Locale => LOCALES.some((locale) => locale === value);

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'id';
  } catch {
    // Storage can be blocked (private mode, strict settings): Indonesian is the default anyway.
    return 'id';
  }
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted: the choice still holds for this page view.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = dictionaries[locale];
    return { locale, setLocale, t: (key, params) => formatMessage(dictionary[key], params) };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language: `t('nav.home')`, `t('list.total', { count })`. */
export const useT = (): Translate => useI18n().t;

export function useLocale(): [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}
