/** Ways a file reaches the page: drop, picker, paste, or the bundled sample. */
import { useStore } from '../../state/store';

export function openFiles(files: FileList | readonly File[] | null | undefined): void {
  const list = files ? Array.from(files) : [];
  for (const file of list) useStore.getState().openArchive(file);
}

export async function openSample(): Promise<void> {
  const url = `${import.meta.env.BASE_URL}samples/sample.tar`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The sample image could not be loaded (${response.status}).`);
  const blob = await response.blob();
  openFiles([new File([blob], 'sample.tar', { type: 'application/x-tar' })]);
}
