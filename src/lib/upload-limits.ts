/**
 * The one size limit of an uploaded file (the CSV import) and the request limits derived from it.
 * next.config.ts sets Next's body limits from here, the import schema and the upload form check the
 * file against it, and the proxy refuses a larger request from its Content-Length. Kept free of
 * imports: next.config.ts loads it by a relative path, outside the app's bundler and `@/` aliases.
 *
 * Megabytes are binary (MiB), as Windows and most Linux file managers count them.
 */
const MiB = 1024 * 1024;

export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * MiB;

/**
 * What a request carries beside its file. The upload is a server action, so the file travels in a
 * multipart/form-data body together with the action's other arguments (the org slug and React's
 * encoding of the FormData: tens of bytes), a boundary line per part (~70 bytes) and each part's
 * headers, which hold the file's name (at most 255 bytes on common file systems, a few times that
 * once escaped). That is a few KB at most; 1 MiB covers it with room to spare while keeping the
 * request limit near the file limit. A smaller margin would refuse a file just under the limit with
 * Next's own error instead of ours.
 */
export const MULTIPART_OVERHEAD_BYTES = 1 * MiB;

/**
 * The largest request body the app reads: Next's proxyClientMaxBodySize (a larger body reaches the
 * action truncated, which failed as a 500) and serverActions.bodySizeLimit, both in next.config.ts.
 */
export const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES;

/**
 * The proxy's answer to a request over MAX_REQUEST_BYTES, sent as text/plain: Next's client throws
 * that text as the action's error, and the upload form recognises it by this exact wording.
 */
export const UPLOAD_TOO_LARGE_MESSAGE = `That file is larger than the ${MAX_UPLOAD_MB} MB limit, so it was not uploaded. Split it into smaller files.`;

/** Megabytes with one decimal, rounded up: a file just over the limit never reads as "20.0 MB". */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / MiB) * 10);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** The refusal of a file over the limit, with both sizes; null when the file is within it. */
export function fileTooLargeMessage(bytes: number): string | null {
  return bytes > MAX_UPLOAD_BYTES ? `That file is ${formatMegabytes(bytes)} MB; the limit is ${MAX_UPLOAD_MB} MB` : null;
}

/**
 * Whether a request's Content-Length announces a body over MAX_REQUEST_BYTES. Without the header
 * (a chunked body) the answer is no: Next's own limits stop such a body as it streams.
 */
export function requestTooLarge(contentLength: string | null): boolean {
  if (contentLength === null || !/^\s*\d+\s*$/.test(contentLength)) return false;
  return Number(contentLength) > MAX_REQUEST_BYTES;
}
