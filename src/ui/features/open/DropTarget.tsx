/**
 * The whole window accepts a dropped archive; a hidden file input (the test hook) and paste do too.
 * A dropped directory has no bytes to read: it gets a sentence, not a silent nothing.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from '../../state/store';
import { openFiles } from './open-file';
import './open.css';

export const ACCEPT =
  '.tar,.tar.gz,.tgz,.gz,.tar.zst,.zst,.oci,application/x-tar,application/gzip,application/zstd';

function isDirectoryDrop(event: DragEvent): boolean {
  const items = event.dataTransfer?.items;
  if (!items) return false;
  return Array.from(items).some((item) => item.webkitGetAsEntry()?.isDirectory === true);
}

export function DropTarget({ children }: { children: ReactNode }) {
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
        useStore
          .getState()
          .setDropError(
            'That is a folder. strata opens image archives: save the image first (docker save -o image.tar NAME, or podman save) and drop the .tar.',
          );
        return;
      }
      openFiles(event.dataTransfer?.files);
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
      {over && (
        <div className="drop-overlay">Drop the image archive to open it. It stays on this computer.</div>
      )}
    </div>
  );
}

export function FileInput({ label }: { label: string }) {
  return (
    <label className="button button--secondary">
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
