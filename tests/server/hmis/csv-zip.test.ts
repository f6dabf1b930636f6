import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { hmisHeader } from '../../../src/domain/hmis-csv';
import {
  HmisZipError,
  hmisZipStream,
  readHmisZip,
  writeHmisZip,
  type HmisCsvFile,
} from '../../../sync-server/src/hmis/csv-zip';

/** A Writable that keeps what it is given. */
function collector(): { stream: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

async function zipOf(files: HmisCsvFile[]): Promise<Uint8Array> {
  const out = collector();
  await writeHmisZip(files, out.stream);
  return out.bytes();
}

const userHeader = hmisHeader('User');
const userRow = (id: string, first: string, last: string): string[] =>
  userHeader.map((c) =>
    c === 'UserID'
      ? id
      : c === 'UserFirstName'
        ? first
        : c === 'UserLastName'
          ? last
          : c === 'DateCreated' || c === 'DateUpdated'
            ? '2026-01-15 09:30:00'
            : c === 'ExportID'
              ? 'EXP1'
              : '',
  );

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'fieldnote-hmis-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeHmisZip and readHmisZip', () => {
  it('round-trips a 3-file export, from sync and async row sources', async () => {
    const files = [
      {
        name: 'Export.csv',
        rows: [
          ['ExportID', 'SourceType', 'CSVVersion'],
          ['EXP1', '3', '2026 v1.0'],
        ],
      },
      {
        name: 'User.csv',
        rows: [
          userHeader as string[],
          userRow('U1', 'Ana', 'Pérez, Jr.'),
          userRow('U2', '', 'Lee'),
        ],
      },
      { name: 'Event.csv', rows: [hmisHeader('Event') as string[]] },
    ];
    const bytes = await zipOf(
      files.map((f) => ({ name: f.name, rows: f.name === 'User.csv' ? slowly(f.rows) : f.rows })),
    );
    const read = await readHmisZip(bytes);
    expect([...read.keys()]).toEqual(['Export.csv', 'User.csv', 'Event.csv']);
    for (const f of files) expect(read.get(f.name)).toEqual(f.rows);

    const file = path.join(dir, 'export.zip');
    writeFileSync(file, bytes);
    expect(await readHmisZip(file)).toEqual(read);
  });

  it('quotes strings, doubles quotes, keeps commas and newlines, ends records in CRLF, no BOM', async () => {
    const tricky = 'Said "hi", then\nleft\r\nagain';
    const bytes = await zipOf([
      { name: 'User.csv', rows: [userHeader as string[], userRow('U1', tricky, 'O"Neil')] },
    ]);
    const raw = unzipSync(bytes)['User.csv']!;
    expect([...raw.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(raw);
    expect(text).toBe(
      'UserID,UserFirstName,UserLastName,UserPhone,UserExtension,UserEmail,DateCreated,DateUpdated,DateDeleted,ExportID\r\n' +
        '"U1","Said ""hi"", then\nleft\r\nagain","O""Neil",,,,2026-01-15 09:30:00,2026-01-15 09:30:00,,"EXP1"\r\n',
    );
    const read = await readHmisZip(bytes);
    expect(read.get('User.csv')![1]![1]).toBe(tricky);
    expect(read.get('User.csv')![1]![2]).toBe('O"Neil');
  });

  it('still quotes a non-string field whose text needs it', async () => {
    const row = userRow('U1', 'Ana', 'Lee');
    row[userHeader.indexOf('DateDeleted')] = 'soon, "maybe"';
    const bytes = await zipOf([{ name: 'User.csv', rows: [userHeader as string[], row] }]);
    expect(new TextDecoder().decode(unzipSync(bytes)['User.csv'])).toContain(
      ',"soon, ""maybe""","EXP1"\r\n',
    );
    expect((await readHmisZip(bytes)).get('User.csv')![1]).toEqual(row);
  });

  it('leaves files it has no specification for unquoted unless needed', async () => {
    const bytes = await zipOf([
      {
        name: 'CustomNotes.csv',
        rows: [
          ['A', 'B'],
          ['x', 'y,z'],
        ],
      },
    ]);
    expect(new TextDecoder().decode(unzipSync(bytes)['CustomNotes.csv'])).toBe(
      'A,B\r\nx,"y,z"\r\n',
    );
  });

  it('streams: the zip is produced as it is read', async () => {
    const stream = hmisZipStream([{ name: 'User.csv', rows: [userHeader as string[]] }]);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect((await readHmisZip(new Uint8Array(Buffer.concat(chunks)))).get('User.csv')).toEqual([
      userHeader,
    ]);
  });

  it('refuses two files with one name', async () => {
    await expect(
      zipOf([
        { name: 'User.csv', rows: [] },
        { name: 'User.csv', rows: [] },
      ]),
    ).rejects.toThrow(/two files named User\.csv/);
  });

  it('gives a clear error for a file that is not a zip (Eva 127)', async () => {
    await expect(readHmisZip(strToU8('ExportID,SourceType\r\n'))).rejects.toThrow(
      /not a \.zip file \(Eva 127/,
    );
    await expect(readHmisZip(new Uint8Array())).rejects.toBeInstanceOf(HmisZipError);
  });

  it('gives a clear error for a damaged zip', async () => {
    const bytes = await zipOf([{ name: 'User.csv', rows: [userHeader as string[]] }]);
    await expect(readHmisZip(bytes.slice(0, bytes.length - 30))).rejects.toThrow(
      /The zip is damaged and cannot be opened/,
    );
    const corrupt = bytes.slice();
    corrupt.fill(0xff, 40, 60);
    await expect(readHmisZip(corrupt)).rejects.toBeInstanceOf(HmisZipError);
  });

  it('gives a clear error for a missing path', async () => {
    await expect(readHmisZip(path.join(dir, 'absent.zip'))).rejects.toThrow(
      /Cannot read .*absent\.zip/,
    );
  });

  it('gives a clear error for an entry that is not CSV', async () => {
    await expect(readHmisZip(zipSync({ 'notes.txt': strToU8('hello') }))).rejects.toThrow(
      /notes\.txt in the zip is not a CSV file/,
    );
    await expect(
      readHmisZip(zipSync({ 'Client.csv': new Uint8Array([0x50, 0x4b, 0xff, 0xfe, 0x00]) })),
    ).rejects.toThrow(/Client\.csv is not UTF-8 text/);
    await expect(
      readHmisZip(zipSync({ 'Client.csv': strToU8('a,b\r\n"x,y\r\n') })),
    ).rejects.toThrow(/Client\.csv is not valid CSV/);
  });

  it('keeps folder names so the structure check can flag them (Eva 122)', async () => {
    const bytes = zipSync({ 'export/': {}, 'export/User.csv': strToU8('UserID\r\nU1\r\n') });
    expect([...(await readHmisZip(bytes)).entries()]).toEqual([
      ['export/User.csv', [['UserID'], ['U1']]],
    ]);
  });

  it('writes 200,000 rows with bounded memory', async () => {
    const header = hmisHeader('Services') as string[];
    const ROWS = 200_000;
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    async function* rows(): AsyncGenerator<string[]> {
      yield header;
      for (let i = 0; i < ROWS; i++) {
        if (i % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        yield header.map((c, j) =>
          c.endsWith('ID')
            ? `ID-${i}-${j}`
            : c.startsWith('Date')
              ? '2026-01-15 09:30:00'
              : String(i % 97),
        );
      }
    }
    let bytes = 0;
    const sink = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        setImmediate(done); // a slow reader, so backpressure matters
      },
    });
    await writeHmisZip([{ name: 'Services.csv', rows: rows() }], sink);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });
});
