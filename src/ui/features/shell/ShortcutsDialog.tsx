/** The list of keys, opened by `?` or the keyboard button; a modal dialog (react-aria) that Escape closes. */
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './use-shortcuts';

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalOverlay isOpen={open} onOpenChange={onOpenChange} isDismissable className="modal-overlay">
      <Modal className="modal">
        <Dialog className="modal__dialog">
          <Heading slot="title">{t('shortcuts.title')}</Heading>
          <dl className="shortcuts">
            {SHORTCUTS.map((key, i) => (
              <div key={key} className="shortcuts__row">
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{t(`shortcuts.keys.${i}`)}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="button button--secondary" onClick={() => onOpenChange(false)}>
            {t('common.close')}
          </button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
