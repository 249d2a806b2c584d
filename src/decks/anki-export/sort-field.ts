// A note's sort field and first-field checksum, as Anki computes them: the field with its
// HTML removed, and the first 8 hex digits of that text's SHA-1 as a number (duplicate check).
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };

export function sortField(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .trim();
}

export function checksum(text: string): number {
  return Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}
