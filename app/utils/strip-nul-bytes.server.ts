import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer encodes HTML into a reused 2,048-byte buffer and, when a
 * multi-byte character (every Armenian, Georgian and Cyrillic letter) would straddle its
 * end, still flushes the whole buffer: the unwritten bytes arrive as NUL characters inside
 * the page and its hydration data (react#24985, fixed by react#26228 only in React 19).
 * A 0x00 byte in UTF-8 is only ever U+0000, which never belongs in HTML, so dropping every
 * zero byte is exact.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) < 0) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      done(null, kept.subarray(0, length));
    },
  });
}
