// The inbox's dialogs: Mantine's Modal with a named close button (its × alone says nothing to
// a screen reader).
import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function InboxDialog(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal closeButtonProps={{ 'aria-label': t('inbox.close') }} {...props} />;
}
