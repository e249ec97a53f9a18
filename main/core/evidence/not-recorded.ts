/** The words every replayed port answers with when the report never saw that request. */
export const NOT_RECORDED_MESSAGE = 'not recorded in this report';
