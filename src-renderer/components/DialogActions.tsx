// The foot of a dialog: its refusal if any, Cancel, and the one action the dialog is for (a submit
// button when the dialog is a form, else a press handler).
import { useTranslation } from 'react-i18next';
import { Button, type Variant } from './Button';
import { ErrorText } from './QueryState';

export function DialogActions({ error, onCancel, confirm, onConfirm, isDisabled, variant = 'primary' }: { error: Error | null; onCancel: () => void; confirm: string; onConfirm?: () => void; isDisabled?: boolean; variant?: Variant }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorText error={error} />
      <div className="form-actions">
        <Button variant="quiet" onPress={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button variant={variant} type={onConfirm ? 'button' : 'submit'} isDisabled={isDisabled} onPress={onConfirm}>
          {confirm}
        </Button>
      </div>
    </>
  );
}
