// The foot of a dialog: its refusal if any, Cancel, and the one action the dialog is for (a submit
// button when the dialog is a form, else a press handler), shown busy while it is on its way.
import { useTranslation } from 'react-i18next';
import { Button, type Variant } from './Button';
import { ErrorText } from './QueryState';

type Props = { error: Error | null; onCancel: () => void; confirm: string; onConfirm?: () => void; isDisabled?: boolean; pending?: boolean; variant?: Variant };

export function DialogActions({ error, onCancel, confirm, onConfirm, isDisabled, pending, variant = 'primary' }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorText error={error} />
      <div className="form-actions">
        <Button variant="quiet" onPress={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button variant={variant} type={onConfirm ? 'button' : 'submit'} isDisabled={isDisabled} pending={pending} onPress={onConfirm}>
          {confirm}
        </Button>
      </div>
    </>
  );
}
