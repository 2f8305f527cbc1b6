/** The page title names the image and the view, so a window list or a history entry says where it goes. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';

export function usePageTitle(imageName: string | null): void {
  const { t } = useTranslation();
  const view = useStore((s) => s.view);
  useEffect(() => {
    document.title = imageName
      ? t('title.image', { image: imageName, view: t(`views.${view}`) })
      : t('title.start');
  }, [imageName, view, t]);
}
