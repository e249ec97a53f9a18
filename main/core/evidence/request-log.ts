/**
 * An ordered log of port requests whose answers arrive later: a place is taken when a request is made
 * and filled when its answer arrives, so the log reads in request order while answers come in any order.
 */
export interface RequestLog<T> {
  /** Takes the next place; call the returned function with the entry once the answer is in. */
  reserve(): (entry: T) => void;
  /** Answered requests, in the order they were made (one that never got an answer is left out). */
  entries(): T[];
}

export function createRequestLog<T>(): RequestLog<T> {
  const places: { entry: T | null }[] = [];
  return {
    reserve() {
      const place: { entry: T | null } = { entry: null };
      places.push(place);
      return (entry) => {
        place.entry = entry;
      };
    },
    entries: () => places.flatMap((place) => (place.entry === null ? [] : [place.entry])),
  };
}
