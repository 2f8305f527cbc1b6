/**
 * The whole window accepts a dropped archive; a hidden file input (the test hook) and paste do too.
 * A dropped directory has no bytes to read: it gets a sentence, not a silent nothing.
 */
import { useEffect, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { openFiles } from './open-file';
import { handlePicker, rememberDropped } from './last-archive';
import './open.css';

export const ACCEPT =
  '.tar,.tar.gz,.tgz,.gz,.tar.zst,.zst,.oci,application/x-tar,application/gzip,application/zstd';

function isDirectoryDrop(event: DragEvent): boolean {
  const items = event.dataTransfer?.items;
  if (!items) return false;
  return Array.from(items).some((item) => item.webkitGetAsEntry()?.isDirectory === true);
}

export function DropTarget({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setOver(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      setOver(false);
      if (isDirectoryDrop(event)) {
        useStore.getState().setDropError(i18next.t('open.folder'));
        return;
      }
      openFiles(event.dataTransfer?.files);
      rememberDropped(event.dataTransfer?.items);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (event.clipboardData?.files.length) openFiles(event.clipboardData.files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
  return (
    <div className={over ? 'drop-target drop-target--over' : 'drop-target'}>
      {children}
      {over && <div className="drop-overlay">{t('open.dropHere')}</div>}
    </div>
  );
}

export function FileInput({ label }: { label: string }) {
  const picker = handlePicker();
  return (
    <label
      className="button button--secondary"
      onClick={(event) => {
        // Where the browser has a picker that yields a handle, use it: a reload can then reopen the file.
        if (!picker || event.target !== event.currentTarget) return;
        event.preventDefault();
        void picker().then((file) => file && openFiles([file]));
      }}
    >
      {label}
      <input
        type="file"
        accept={ACCEPT}
        data-testid="file-input"
        className="visually-hidden"
        onChange={(event) => {
          openFiles(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
    </label>
  );
}
