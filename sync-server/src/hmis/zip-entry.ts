// One zip entry deflated by Node's zlib (native, on the libuv thread pool) for fflate's Zip,
// which writes the zip container around it (ZipInputFile: data descriptor after the data, CRC
// and sizes there). fflate's own ZipDeflate deflates in JavaScript on the main thread, which was
// the largest single cost of a county-sized export; zlib compresses while the next rows are
// being formatted and checked.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from 'node:zlib';
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';

/** Uncompressed bytes zlib may hold before push() waits: a few batches of rows in flight. */
const IN_FLIGHT_BYTES = 1 << 20;

export class NativeDeflateEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  /** Deflate (APPNOTE 4.4.5); flag 0 is "normal" compression (APPNOTE 4.4.4). */
  readonly compression = 8;
  readonly flag = 0;
  ondata?: AsyncFlateStreamHandler;
  private readonly deflate: DeflateRaw;
  private failure: Error | null = null;

  constructor(readonly filename: string) {
    // Stream options reach the Transform under zlib (Node passes them on), not in ZlibOptions.
    const options: ZlibOptions & { writableHighWaterMark: number } = {
      level: constants.Z_DEFAULT_COMPRESSION,
      writableHighWaterMark: IN_FLIGHT_BYTES,
    };
    this.deflate = createDeflateRaw(options);
    this.deflate.on('data', (chunk: Buffer<ArrayBuffer>) => this.ondata?.(null, chunk, false));
    // Kept and thrown by the next push or end (an 'error' nobody listens to would crash).
    this.deflate.on('error', (error) => (this.failure ??= error));
  }

  /** Adds data; resolves once zlib can take more (backpressure). */
  async push(data: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (data.length === 0) return;
    this.size += data.length;
    this.crc = crc32(data, this.crc);
    if (!this.deflate.write(data)) await once(this.deflate, 'drain');
  }

  /** Ends the entry: resolves when its last compressed byte has been handed to the zip. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    this.deflate.end();
    await finished(this.deflate);
    this.ondata?.(null, new Uint8Array(0), true);
  }

  terminate(): void {
    this.deflate.destroy();
  }
}
