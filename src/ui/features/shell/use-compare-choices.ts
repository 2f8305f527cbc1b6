/** The other open images a shown image can be compared with (any archive, any image in it). */
import { useQueryClient } from '@tanstack/react-query';
import type { ArchiveSummary } from '../../../protocol/messages';
import { queryKeys } from '../../queries/keys';
import { useStore } from '../../state/store';
import type { CompareChoice } from '../files/FilesToolbar';

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
      const p = i.platform;
      choices.push({
        fileKey: f.key,
        imageKey: i.key,
        label: `${i.names[0] ?? i.id.slice(7, 19)} · ${[p.os, p.architecture, p.variant].filter(Boolean).join('/')}`,
      });
    }
  }
  return { choices, archiveIdOf: (key: string) => archiveIds.get(key) };
}
