/** Conversions from SDK shapes to the plain JSON the ports return. */

/** ISO 8601 string of an SDK date (or date-like string), or null. */
export function isoOrNull(value: Date | string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Tags as a plain record; AWS lists may hold entries without key or value. */
export function tagRecord(
  tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  }
  return record;
}

/** A dollar amount from Cost Explorer's decimal string; 0 when absent. */
export function amountOf(value: { Amount?: string | undefined } | undefined): number {
  const parsed = Number(value?.Amount ?? '0');
  return Number.isFinite(parsed) ? parsed : 0;
}
