// Argon2id through hash-wasm (WebAssembly, maintained, MIT). This module is only ever imported
// dynamically (kdf.ts), so its WebAssembly lands in a chunk of its own that is fetched by the
// sign-in and unlock screen, never by the caseload.
import { argon2id } from 'hash-wasm';
import type { KdfParams } from './kdf';

export function argon2Key(
  password: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Uint8Array> {
  return argon2id({
    password,
    salt,
    iterations: params.t,
    memorySize: params.m,
    parallelism: params.p,
    hashLength: 32,
    outputType: 'binary',
  });
}
