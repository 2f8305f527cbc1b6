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

export function useCompareChoices(fileKey: string, imageKey: string | null) {
  const files = useStore((s) => s.files);
  const queryClient = useQueryClient();
  const choices: CompareChoice[] = [];
  const archiveIds = new Map<string, string>();
  for (const f of files) {
    const summary = queryClient.getQueryData<ArchiveSummary>(queryKeys.archive(f.key));
    if (!summary) continue;
    archiveIds.set(f.key, summary.archiveId);
    for (const i of summary.images) {
      if (f.key === fileKey && i.key === imageKey) continue;
      choices.push({ fileKey: f.key, imageKey: i.key, label: choiceLabel(i) });
    }
  }
  return { choices, archiveIdOf: (key: string) => archiveIds.get(key) };
}
