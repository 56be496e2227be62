import { InvalidPageRequest } from '../../domain/errors.js';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 100;

/**
 * The admin lists' page size: 1 to 100, 50 when absent. NaN (not a number) is refused like any
 * other value out of range. Refuses with InvalidPageRequest.
 */
export function pageLimitOf(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_LIMIT) {
    throw new InvalidPageRequest('limit', `must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  }
  return size;
}
