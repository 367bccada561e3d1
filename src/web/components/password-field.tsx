import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useT } from '../i18n/i18n-context';

/**
 * Mantine's PasswordInput with the show/hide button labelled in the user's language. The label
 * avoids the words of the field label so `getByLabel('Kata sandi')` finds only the input.
 */
export function PasswordField(props: PasswordInputProps) {
  const t = useT();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }} {...props} />;
}
