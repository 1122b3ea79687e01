/** A street's name by its id (the id itself when the street is unknown). */
export function streetNamer(streets: ReadonlyArray<{ readonly _id: string; readonly name: string }>): (streetId: string) => string {
  const names = new Map(streets.map((street) => [street._id, street.name]));
  return (streetId) => names.get(streetId) ?? streetId;
}

/**
 * The streets a unit or an org may be moved to by someone: those of their office when they manage it
 * (`managed`), else only the street it is in.
 */
export function streetChoices(streets: ReadonlyArray<{ readonly _id: string; readonly name: string }>, currentStreetId: string, managed: ((streetId: string) => boolean) | null): Array<{ id: string; name: string }> {
  const chosen = streets.filter((street) => (managed ? managed(street._id) : street._id === currentStreetId));
  return chosen.map((street) => ({ id: street._id, name: street.name }));
}
