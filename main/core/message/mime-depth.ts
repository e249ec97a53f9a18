/**
 * How deeply a message's multipart sections nest, in one pass over the body.
 *
 * RFC 2046 section 5.1.1: each multipart part names a boundary, and its parts are separated by lines
 * "--boundary", ending with "--boundary--". Walking the boundary lines with a stack gives the nesting depth
 * without building the tree, so a MIME bomb costs one linear scan and no recursion.
 */
import { MAX_MIME_DEPTH } from './message-limits';

/** Boundaries remembered; a message declaring more is reported as too deep rather than read on. */
const MAX_BOUNDARIES = 1_000;
const BOUNDARY_PARAMETER = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;

export interface MimeDepth {
  /** Deepest multipart nesting seen (0 for a single-part message), at most MAX_MIME_DEPTH + 1. */
  readonly depth: number;
  readonly tooDeep: boolean;
}

export function measureMimeDepth(topContentType: string | undefined, body: string): MimeDepth {
  const boundaries = new Set<string>();
  for (const source of [topContentType ?? '', body]) {
    for (const match of source.matchAll(BOUNDARY_PARAMETER)) {
      boundaries.add(match[1] ?? match[2] ?? '');
      if (boundaries.size > MAX_BOUNDARIES) return { depth: MAX_MIME_DEPTH + 1, tooDeep: true };
    }
  }
  if (boundaries.size === 0) return { depth: 0, tooDeep: false };

  const stack: string[] = [];
  let depth = 0;
  let lineStart = 0;
  while (lineStart < body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    if (body.startsWith('--', lineStart)) {
      const line = body.slice(lineStart + 2, Math.min(lineEnd, lineStart + 210)).trimEnd();
      const closing = line.endsWith('--') && boundaries.has(line.slice(0, -2));
      const boundary = closing ? line.slice(0, -2) : line;
      if (boundaries.has(boundary)) {
        const open = stack.lastIndexOf(boundary);
        if (open === -1) stack.push(boundary);
        else stack.length = closing ? open : open + 1;
        depth = Math.max(depth, stack.length);
        if (depth > MAX_MIME_DEPTH) return { depth, tooDeep: true };
      }
    }
    lineStart = lineEnd + 1;
  }
  return { depth, tooDeep: false };
}
