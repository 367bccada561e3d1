import { SegmentedControl } from '@mantine/core';
import { isLocale, useLocale, useT } from '../i18n/i18n-context';

export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  return (
    <SegmentedControl
      size="xs"
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
      aria-label={t('language.label')}
      data-testid="language-switch"
    />
  );
}
