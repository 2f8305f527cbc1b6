import { beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../protocol/messages';
import { useStore } from './store';
import { viewOfShare, type SharedView } from './linkage-slice';

const initial = useStore.getState();
const file = (name: string) => new File(['x'], name);
const tick = (bytesRead: number): Progress => ({ phase: 'scanning', bytesRead, totalBytes: 100, layers: [] });
const share = (view: string): SharedView => ({
  version: 1,
  imageId: `sha256:${'a'.repeat(64)}`,
  view,
  selected: '/usr/lib/libssl.so.3',
  mode: 'reverse',
  colorBy: 'package',
  search: 'libssl',
});

beforeEach(() => useStore.setState(initial, true));

describe('opened archives', () => {
  it('shows each archive as it is opened, under its own id', () => {
    const s = useStore.getState();
    s.openArchive(file('one.tar'));
    s.openArchive(file('two.tar'));
    const { archives, activeArchiveId } = useStore.getState();
    expect(archives.map((a) => a.file.name)).toEqual(['one.tar', 'two.tar']);
    expect(new Set(archives.map((a) => a.archiveId)).size).toBe(2);
    expect(activeArchiveId).toBe(archives[1]!.archiveId);
  });

  it('closing the shown archive shows the last one left, and none when all are closed', () => {
    const s = useStore.getState();
    s.openArchive(file('one.tar'));
    s.openArchive(file('two.tar'));
    s.openArchive(file('three.tar'));
    const [one, two, three] = useStore.getState().archives;
    s.showArchive(two!.archiveId);
    s.closeArchive(two!.archiveId);
    expect(useStore.getState().activeArchiveId).toBe(three!.archiveId);
    s.closeArchive(one!.archiveId);
    expect(useStore.getState().activeArchiveId).toBe(three!.archiveId);
    s.closeArchive(three!.archiveId);
    expect(useStore.getState()).toMatchObject({ archives: [], activeArchiveId: null });
  });

  it('a new archive or image starts at the top layer with nothing selected or compared', () => {
    const s = useStore.getState();
    s.openArchive(file('one.tar'));
    const id = useStore.getState().activeArchiveId!;
    s.setLayer(2);
    s.setCompareFrom(0);
    s.revealPath('/etc/passwd');
    s.selectImage(id, 'image-2');
    expect(useStore.getState()).toMatchObject({
      layer: null,
      compareFrom: null,
      selectedPath: null,
      imageKeys: { [id]: 'image-2' },
    });
    s.setLayer(1);
    s.openArchive(file('two.tar'));
    expect(useStore.getState().layer).toBeNull();
  });

  it('switching tabs goes back to the top layer', () => {
    const s = useStore.getState();
    s.openArchive(file('one.tar'));
    s.openArchive(file('two.tar'));
    s.setLayer(3);
    s.showArchive(useStore.getState().archives[0]!.archiveId);
    expect(useStore.getState().layer).toBeNull();
  });

  it('a drop that opened nothing is remembered until the next archive is opened', () => {
    const s = useStore.getState();
    s.setDropError('That is a folder.');
    expect(useStore.getState().dropError).toBe('That is a folder.');
    s.openArchive(file('one.tar'));
    expect(useStore.getState().dropError).toBeNull();
  });

  it('progress keeps the time its load started', () => {
    const s = useStore.getState();
    s.setProgress(tick(1));
    const started = useStore.getState().progressStartedAt;
    expect(started).toBeGreaterThan(0);
    useStore.setState({ progressStartedAt: 1 });
    s.setProgress(tick(2));
    expect(useStore.getState().progressStartedAt).toBe(1);
  });
});

describe('the current layer', () => {
  it('is one value for every view, and forgets a path picked in another layer', () => {
    const s = useStore.getState();
    s.revealPath('/usr/bin/curl');
    expect(useStore.getState()).toMatchObject({ selectedPath: '/usr/bin/curl' });
    expect(useStore.getState().expanded).toEqual(new Set(['/', '/usr', '/usr/bin']));
    s.setLayer(1);
    expect(useStore.getState()).toMatchObject({ layer: 1, selectedPath: null });
  });
});

describe('Files state', () => {
  it('comparing a range or another image shows changes', () => {
    const s = useStore.getState();
    s.setFilesMode('merged');
    s.setCompareFrom(0);
    expect(useStore.getState().filesMode).toBe('changes');
    s.setFilesMode('merged');
    s.setCompareBase({ archiveId: 'a9', imageKey: 'k' });
    expect(useStore.getState()).toMatchObject({
      filesMode: 'changes',
      compareBase: { archiveId: 'a9', imageKey: 'k' },
    });
  });

  it('filters toggle on and off', () => {
    const s = useStore.getState();
    s.toggleChangeFilter('added');
    s.toggleChangeFilter('removed');
    s.toggleChangeFilter('added');
    s.toggleKindFilter('elf');
    s.toggleExpanded('/etc');
    s.toggleExpanded('/');
    expect(useStore.getState()).toMatchObject({ changeFilter: ['removed'], kindFilter: ['elf'] });
    expect(useStore.getState().expanded).toEqual(new Set(['/etc']));
  });
});

describe('shared links', () => {
  it('a v=1 link names the Linkage view "graph" and still opens it', () => {
    expect(viewOfShare('graph')).toBe('linkage');
    expect(viewOfShare('linkage')).toBe('linkage');
    expect(viewOfShare('files')).toBe('files');
    expect(viewOfShare('nonsense')).toBe('linkage');
  });

  it('applying a pending link opens its view and selection, then forgets the link', () => {
    const s = useStore.getState();
    s.setPendingShare(share('graph'));
    s.applyPendingShare();
    expect(useStore.getState()).toMatchObject({
      view: 'linkage',
      linkageSelected: '/usr/lib/libssl.so.3',
      linkageMode: 'reverse',
      colorBy: 'package',
      linkageSearch: 'libssl',
      pendingShare: null,
    });
  });

  it('a link without a selection shows the whole image', () => {
    const s = useStore.getState();
    s.setPendingShare({ ...share('linkage'), selected: null });
    s.applyPendingShare();
    expect(useStore.getState()).toMatchObject({ linkageSelected: null, linkageMode: 'all' });
  });

  it('with no pending link nothing changes', () => {
    const s = useStore.getState();
    s.setView('files');
    s.applyPendingShare();
    expect(useStore.getState().view).toBe('files');
  });
});
