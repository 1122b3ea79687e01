/** A street's name by its id (the id itself when the street is unknown). */
export function streetNamer(streets: ReadonlyArray<{ readonly _id: string; readonly name: string }>): (streetId: string) => string {
  const names = new Map(streets.map((street) => [street._id, street.name]));
  return (streetId) => names.get(streetId) ?? streetId;
}
