/** Ways a file reaches the page: drop, picker, paste, or the bundled sample. */
import i18next from 'i18next';
import { useStore } from '../../state/store';
import { rememberLast } from './last-archive';

export function openFiles(files: FileList | readonly File[] | null | undefined): void {
  const list = files ? Array.from(files) : [];
  for (const file of list) useStore.getState().openArchive(file);
}

export async function openSample(): Promise<void> {
  const url = `${import.meta.env.BASE_URL}samples/sample.tar`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(i18next.t('start.sampleFailed', { status: response.status }));
  const blob = await response.blob();
  openFiles([new File([blob], 'sample.tar', { type: 'application/x-tar' })]);
  rememberLast({ kind: 'sample' });
}
