/** A warning shown with the confirmation of a change, when part of it could not be done. */
export interface FlashWarning {
  readonly title: string;
  readonly paragraphs: readonly string[];
}
