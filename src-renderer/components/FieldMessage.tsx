// Why a field's value is refused, in the UI's language. Without it react-aria shows the browser's
// own sentence ("Please fill out this field."), which follows the system's language, not the app's.
import { useTranslation } from 'react-i18next';
import { FieldError } from 'react-aria-components';

export function FieldMessage({ message }: { message?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <FieldError>
      {({ validationDetails: v }) =>
        message ?? (v.valueMissing ? t('validation.required') : v.rangeUnderflow ? t('validation.tooEarly') : v.rangeOverflow ? t('validation.tooLate') : v.badInput || v.typeMismatch ? t('validation.invalid') : t('validation.invalid'))
      }
    </FieldError>
  );
}
