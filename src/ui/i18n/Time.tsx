/** A time as people read it ("5 days ago"), with the exact date, time and zone beside it on hover and for machines. */
import { useFormat } from './use-format';

export function Time({ iso, exact = false }: { iso: string | null; exact?: boolean }) {
  const format = useFormat();
  const full = format.exact(iso);
  if (!iso) return null;
  if (full === null) return <span>{iso}</span>;
  return (
    <time dateTime={iso} title={exact ? iso : full}>
      {exact ? full : format.relative(iso)}
    </time>
  );
}
