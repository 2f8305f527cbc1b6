/**
 * The views of one image as WAI-ARIA tabs (react-aria): one Tab stop, arrows move between tabs, each
 * tab controls a real tabpanel. File views wait until every layer is indexed, and say so.
 */
import type { ReactNode } from 'react';
import { Tab, TabList, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useStore, type View } from '../../state/store';

export const TABS: { view: View; needsIndex: boolean }[] = [
  { view: 'layers', needsIndex: false },
  { view: 'files', needsIndex: true },
  { view: 'waste', needsIndex: true },
  { view: 'packages', needsIndex: true },
  { view: 'linkage', needsIndex: true },
  { view: 'compare', needsIndex: true },
  { view: 'names', needsIndex: false },
];

export function ViewTabs({
  ready,
  indexed,
  children,
}: {
  ready: boolean;
  indexed: { done: number; total: number };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const current = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const disabled = ready ? [] : TABS.filter((tab) => tab.needsIndex).map((tab) => tab.view);
  return (
    <Tabs
      className="view-tabs-root"
      selectedKey={current}
      onSelectionChange={(key) => setView(key as View)}
      disabledKeys={disabled}
    >
      <div className="view-tabs-bar">
        <TabList className="view-tabs" aria-label={t('views.label')}>
          {TABS.map((tab) => (
            <Tab key={tab.view} id={tab.view} className="view-tab">
              {t(`views.${tab.view}`)}
            </Tab>
          ))}
        </TabList>
        {!ready && (
          <p className="muted view-tabs__wait" role="status">
            {t('views.waiting', { done: indexed.done, total: indexed.total })}
          </p>
        )}
      </div>
      {children}
    </Tabs>
  );
}
