/** A link opened without its image: say which image to open (name and short ID); its place applies once it is. */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';

export function PendingLink() {
  const { t } = useTranslation();
  const pending = useStore((s) => s.pendingShare);
  const setPending = useStore((s) => s.setPendingShare);
  if (!pending) return null;
  const short = (imageId: string) => imageId.replace(/^sha256:/, '').slice(0, 12);
  const id = short(pending.imageId);
  const named = (p: { imageId: string; name: string } | null | undefined) =>
    p ? p.name || short(p.imageId) : '';
  return (
    <div className="pending-link" role="status">
      <p>{pending.name ? t('link.waitingNamed', { name: pending.name, id }) : t('link.waiting', { id })}</p>
      {pending.compareOld && pending.compareNew && (
        <p>{t('compareLink.pending', { old: named(pending.compareOld), new: named(pending.compareNew) })}</p>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setPending(null)}
      >
        {t('link.forget')}
      </button>
    </div>
  );
}
