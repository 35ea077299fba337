// What a customer reads when a file they sent is refused (on the tracking page and the web
// form): which file, why, and what would be accepted.
import { formatBytes } from '../../platform/blobs/blob-store.ts';
import type { AppError } from '../../platform/errors.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { UnsupportedFileError } from './attachments.service.ts';

registerCatalog({
  fr: {
    'upload.unsupported': '« {name} » n’est ni une photo ni un document PDF. Formats acceptés : JPEG, PNG, WebP, GIF, HEIC et PDF.',
    'upload.too_large': 'Un fichier dépasse la taille maximale de {size}. Réduisez la photo ou envoyez-en une autre.',
    'upload.too_many': 'Vous pouvez joindre {count} fichiers au plus par message.',
    'upload.hint': 'Facultatif. JPEG, PNG, WebP, GIF, HEIC ou PDF ; {size} au plus par fichier, {count} fichiers au plus.',
  },
  en: {
    'upload.unsupported': '“{name}” is neither a photo nor a PDF document. Accepted formats: JPEG, PNG, WebP, GIF, HEIC and PDF.',
    'upload.too_large': 'A file is larger than the {size} allowed. Make the photo smaller or send another one.',
    'upload.too_many': 'You can attach at most {count} files to a message.',
    'upload.hint': 'Optional. JPEG, PNG, WebP, GIF, HEIC or PDF; at most {size} per file, {count} files at most.',
  },
});

export interface UploadLimits {
  maxBytes: number;
  maxFiles: number;
}

/** The customer's words for a refused upload, or null when the error is not about files. */
export function uploadErrorText(lang: Language, error: AppError, limits: UploadLimits): string | null {
  if (error instanceof UnsupportedFileError) return t(lang, 'upload.unsupported', { name: error.filename });
  if (error.code === 'payload_too_large') return t(lang, 'upload.too_large', { size: formatBytes(limits.maxBytes, lang) });
  if (error.code === 'validation_failed' && error.details?.maxFiles !== undefined) return t(lang, 'upload.too_many', { count: limits.maxFiles });
  return null;
}

export function uploadHint(lang: Language, limits: UploadLimits): string {
  return t(lang, 'upload.hint', { size: formatBytes(limits.maxBytes, lang), count: limits.maxFiles });
}
