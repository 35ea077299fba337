// Files attached to the message being written: chosen with a button, uploaded at once (so a
// refused file is told before sending), listed with a way to take each one off.
import { Button, CloseButton, FileButton, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { uploadFiles, type AttachmentDto } from './workspace.api.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,application/pdf';

export function ReplyAttachments({ caseId, files, onChange }: { caseId: string; files: AttachmentDto[]; onChange: (files: AttachmentDto[]) => void }) {
  const { t } = useTranslation();
  const upload = useMutation({ mutationFn: (chosen: File[]) => uploadFiles(caseId, chosen), onSuccess: (added) => onChange([...files, ...added]) });
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={(chosen) => chosen.length && upload.mutate(chosen)} accept={ACCEPT} multiple>
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={upload.isPending}>
              {t('workspace.attachments.add')}
            </Button>
          )}
        </FileButton>
        {files.map((f) => (
          <Group key={f.id} gap={2} wrap="nowrap" data-attachment={f.filename}>
            <Text size="xs">📎 {f.filename}</Text>
            <CloseButton size="sm" aria-label={t('workspace.attachments.remove', { name: f.filename })} onClick={() => onChange(files.filter((x) => x.id !== f.id))} />
          </Group>
        ))}
      </Group>
      {upload.isError && <ProblemAlert error={upload.error} title={t('workspace.attachments.failed')} />}
    </>
  );
}
