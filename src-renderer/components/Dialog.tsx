// A modal dialog with a heading: focus is trapped and returned, Escape closes it. A click outside
// closes it too, but not the second click of the double click that opened it.
import { useRef, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/** Longer than any system's double-click interval (Windows' default is 500 ms). */
const SETTLE_MS = 600;
/**
 * When the last pointer went down, by the event's own time stamp (taken as the click happened, not
 * when a busy page got round to it): on a loaded machine the second click of a double click can be
 * handled well after the dialog rendered, yet it still belongs to the click that opened it.
 */
let lastPointerDown = 0;
if (typeof window !== 'undefined') window.addEventListener('pointerdown', (e) => (lastPointerDown = e.timeStamp), { capture: true });

export function Dialog({ title, isOpen, onOpenChange, children, wide }: { title: string; isOpen: boolean; onOpenChange: (open: boolean) => void; children: ReactNode; wide?: boolean }) {
  const openedAt = useRef(0);
  if (!isOpen) openedAt.current = 0;
  else if (openedAt.current === 0) openedAt.current = performance.now();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
      shouldCloseOnInteractOutside={() => lastPointerDown - openedAt.current > SETTLE_MS}
    >
      <Modal className={`modal${wide ? ' modal-wide' : ''}`}>
        <AriaDialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
