/**
 * The last archive opened, so a reload can offer it again. Only a File System Access handle is kept
 * (in IndexedDB; Chromium can store handles there), or a note that it was the bundled sample: never
 * any of the file's bytes. Browsers without handles simply never offer to reopen.
 */
const DB = 'strata';
const STORE = 'last-archive';
const KEY = 'last';

export type LastArchive = { kind: 'sample' } | { kind: 'handle'; handle: FileSystemFileHandle };

/** What Chromium adds to the standard types: handles from drops and from its own picker. */
interface HandleItem {
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}
interface HandlePicker {
  showOpenFilePicker?: (options: { multiple: boolean }) => Promise<FileSystemFileHandle[]>;
}
interface ReadPermission {
  queryPermission?: (options: { mode: 'read' }) => Promise<PermissionState>;
  requestPermission?: (options: { mode: 'read' }) => Promise<PermissionState>;
}

function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB is not available.'));
    open.onsuccess = () => {
      const request = run(open.result.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => {
        resolve(request.result);
        open.result.close();
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB refused the request.'));
    };
  });
}

export function rememberLast(last: LastArchive): void {
  if (typeof indexedDB === 'undefined') return;
  withStore('readwrite', (store) => store.put(last, KEY)).catch(() => undefined);
}

export async function readLast(): Promise<LastArchive | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return ((await withStore('readonly', (store) => store.get(KEY))) as LastArchive | undefined) ?? null;
  } catch {
    return null;
  }
}

/** The handle of a dropped file, where the browser gives one; asked for during the drop event. */
export function rememberDropped(items: DataTransferItemList | undefined): void {
  const item: (DataTransferItem & HandleItem) | undefined = items?.[0];
  void item
    ?.getAsFileSystemHandle?.()
    .then((handle) => {
      if (handle instanceof FileSystemFileHandle) rememberLast({ kind: 'handle', handle });
    })
    .catch(() => undefined);
}

/** Chromium's own file picker, which yields a handle that can be kept; null where there is none. */
export function handlePicker(): (() => Promise<File | null>) | null {
  const picker = (window as Window & HandlePicker).showOpenFilePicker;
  if (!picker) return null;
  return async () => {
    try {
      const [handle] = await picker.call(window, { multiple: false });
      if (!handle) return null;
      rememberLast({ kind: 'handle', handle });
      return await handle.getFile();
    } catch {
      // The user closed the picker.
      return null;
    }
  };
}

/** The file behind a kept handle, once the user allows reading it again (one click). */
export async function fileOf(handle: FileSystemFileHandle): Promise<File> {
  const permission = handle as FileSystemFileHandle & ReadPermission;
  if ((await permission.queryPermission?.({ mode: 'read' })) !== 'granted')
    await permission.requestPermission?.({ mode: 'read' });
  return handle.getFile();
}
