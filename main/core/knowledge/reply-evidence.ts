/** An SMTP reply as a finding's evidence holds it: the code, the RFC 3463 enhanced code and the text. */
export type ReplyEvidence = {
  readonly code: number;
  readonly enhancedCode: string | null;
  readonly text: string;
};
