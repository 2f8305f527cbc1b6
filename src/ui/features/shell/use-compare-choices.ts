/** The other open images a shown image can be compared with (any archive, any image in it). */
import { useQueryClient } from '@tanstack/react-query';
import type { ArchiveSummary, ImageSummary } from '../../../protocol/messages';
import { queryKeys } from '../../queries/keys';
import { useStore } from '../../state/store';
import type { CompareChoice } from '../files/FilesToolbar';

/** How an open image is named in the compare pickers: its first name (or short id) and platform. */
export function choiceLabel(image: ImageSummary): string {
  const p = image.platform;
  return `${image.names[0] ?? image.id.slice(7, 19)} · ${[p.os, p.architecture, p.variant].filter(Boolean).join('/')}`;
}

export function useCompareChoices(archiveId: string, imageKey: string | null): CompareChoice[] {
  const archives = useStore((s) => s.archives);
  const queryClient = useQueryClient();
  const choices: CompareChoice[] = [];
  for (const a of archives) {
    const summary = queryClient.getQueryData<ArchiveSummary>(queryKeys.archive(a.archiveId));
    if (!summary) continue;
    for (const i of summary.images) {
      if (a.archiveId === archiveId && i.key === imageKey) continue;
      choices.push({
        archiveId: a.archiveId,
        imageKey: i.key,
        label: choiceLabel(i),
        imageId: i.id,
        name: i.names[0] ?? '',
      });
    }
  }
  return choices;
}
