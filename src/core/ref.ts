/**
 * Answer refs: the short, stable name of what answered a question. Shared by the Discord buttons (custom_ids) and
 * the feedback store, so a vote recorded from a button names the same thing as the recorded question.
 */

/**
 * A curated entry id when it is short and plain enough to fit a button custom_id (1 to 64 of `A-Z a-z 0-9 _ . -`,
 * and not itself shaped like a paragraph ref), else `p<N>` for paragraph N (1-based).
 *
 * @example refOf({ entryId: 'assad-enemy', paragraph: 4 }) // 'assad-enemy'
 * @example refOf({ paragraph: 12 }) // 'p12'
 */
export function refOf(a: { entryId?: string; paragraph: number }): string {
  return a.entryId && /^[A-Za-z0-9_.-]{1,64}$/.test(a.entryId) && !/^p\d+$/.test(a.entryId)
    ? a.entryId
    : `p${a.paragraph}`;
}
