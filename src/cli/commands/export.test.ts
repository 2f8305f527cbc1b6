import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './export-rows';
import { runCli } from '../testing/run-cli';

const T3 = join(import.meta.dirname, '../../../fixtures/archives/podman-docker-archive.tar');

const run = runCli;

interface ExportJson {
  version: number;
  image: string;
  layers: { index: number; diffId: string; createdBy: string }[];
  entries: Record<string, string | number>[];
}

describe('strata export', () => {
  it('writes CSV with a header row and CRLF records, each layer in path order', async () => {
    const { code, out, err } = await run(['export', '--format', 'csv', T3]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const records = out.split('\r\n');
    expect(records.at(-1)).toBe('');
    expect(records[0]).toBe('path,layer,change,type,mode,uid,gid,size,linkTarget');
    const layer5 = records.filter((r) => r.split(',')[1] === '5');
    expect(layer5.slice(0, 9)).toEqual([
      '/etc/added.txt,5,removed,file,0644,0,0,6,',
      '/etc/conf,5,modified,dir,0755,0,0,0,',
      '/etc/conf/main.conf,5,added,file,0644,0,0,10,',
      '/etc/d,5,removed,dir,0755,0,0,0,',
      '/etc/d/z,5,removed,file,0644,0,0,2,',
      '/etc/link,5,modified,file,0644,0,0,11,',
      '/etc/motd,5,modified,file,0644,0,0,3,',
      '/etc/motd.hardlink2,5,added,hardlink,0644,0,0,3,/etc/motd',
      '/etc/os-release,5,modified,file,0600,0,0,40,',
    ]);
    expect(records).toContain('/etc/ünïcödé-名前.txt,5,added,file,0644,0,0,8,');
    expect(records).toContain('/dev-test,0,added,char,0644,0,0,0,');
  });

  it('writes the same rows as versioned JSON, with the layers they came from', async () => {
    const csv = (await run(['export', '--format', 'csv', T3])).out.split('\r\n').slice(1, -1);
    const { code, out } = await run(['export', '--format', 'json', T3]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as ExportJson;
    expect(json.version).toBe(1);
    expect(json.layers.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(json.entries).toHaveLength(csv.length);
    expect(json.entries.map((e) => csvRecord(Object.values(e)).slice(0, -2))).toEqual(csv);
    expect(json.entries[0]).toEqual({
      path: '/bin',
      layer: 0,
      change: 'added',
      type: 'dir',
      mode: '0755',
      uid: 0,
      gid: 0,
      size: 0,
      linkTarget: '',
    });
  });

  it('quotes fields the RFC 4180 way', () => {
    expect(csvField('/plain')).toBe('/plain');
    expect(csvField('/a,b')).toBe('"/a,b"');
    expect(csvField('/say "hi"')).toBe('"/say ""hi"""');
    expect(csvField('/line\nbreak')).toBe('"/line\nbreak"');
    expect(csvField(42)).toBe('42');
    expect(csvRecord(['a', 'b,c', 1])).toBe('a,"b,c",1\r\n');
  });

  it('needs --format json or csv', async () => {
    expect((await run(['export', T3])).code).toBe(2);
    expect(await run(['export', '--format', 'xml', T3])).toEqual({
      code: 2,
      out: '',
      err: 'strata export: --format xml is not known: use json or csv.\n',
    });
  });
});
