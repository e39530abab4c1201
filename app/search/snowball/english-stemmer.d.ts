/** Types of the generated Snowball stemmer next to this file (kept unchanged, see LICENSE). */
export default class Stemmer {
  stemWord(word: string): string;
}
