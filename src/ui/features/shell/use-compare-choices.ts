/** The other open images a shown image can be compared with (any archive, any image in it). */
import { useQueryClient } from '@tanstack/react-query';
import type { ArchiveSummary } from '../../../protocol/messages';
import { queryKeys } from '../../queries/keys';
import { useStore } from '../../state/store';
import type { CompareChoice } from '../files/FilesToolbar';

export function useCompareChoices(archiveId: string, imageKey: string | null): CompareChoice[] {
  const archives = useStore((s) => s.archives);
  const queryClient = useQueryClient();
  const choices: CompareChoice[] = [];
  for (const a of archives) {
    const summary = queryClient.getQueryData<ArchiveSummary>(queryKeys.archive(a.archiveId));
    if (!summary) continue;
    for (const i of summary.images) {
      if (a.archiveId === archiveId && i.key === imageKey) continue;
      const p = i.platform;
      choices.push({
        archiveId: a.archiveId,
        imageKey: i.key,
        label: `${i.names[0] ?? i.id.slice(7, 19)} · ${[p.os, p.architecture, p.variant].filter(Boolean).join('/')}`,
      });
    }
  }
  return choices;
}
