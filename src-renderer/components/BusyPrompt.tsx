// Asks the user what to do when a change still finds the database busy after the automatic tries
// (api/busy.ts): the core's sentence, "Prøv igen" and "Annuller". Shown once for the whole window.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { answerBusy, busyQuestion, subscribeBusy } from '../api/busy';
import { Button } from './Button';
import './busy-prompt.css';

export function BusyPrompt() {
  const { t } = useTranslation('busy');
  const question = useSyncExternalStore(subscribeBusy, busyQuestion);
  return (
    <ModalOverlay className="modal-overlay" isOpen={question !== null} onOpenChange={(open) => !open && answerBusy(false)}>
      <Modal className="modal modal-prompt">
        <AriaDialog className="dialog" role="alertdialog">
          <Heading slot="title" className="dialog-title">
            {t('title')}
          </Heading>
          <p>{question?.message}</p>
          <p>{t('explain')}</p>
          <div className="form-actions">
            <Button variant="quiet" onPress={() => answerBusy(false)}>
              {t('cancel')}
            </Button>
            <Button variant="primary" autoFocus onPress={() => answerBusy(true)}>
              {t('retry')}
            </Button>
          </div>
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
