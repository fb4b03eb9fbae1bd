/** The VIN as the server stores it: trimmed and in capitals. */
export function normalizeVin(vin: string): string {
  return vin.trim().toUpperCase();
}

/** 17 digits and capital letters except I, O and Q (ISO 3779), as the server checks it. */
export function isValidVin(vin: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(normalizeVin(vin));
}

/** The plate as the server stores it: capitals, runs of spaces made one. */
export function normalizePlate(plate: string): string {
  return plate.trim().toUpperCase().replace(/\s+/g, ' ');
}

/** 1 to 15 letters (Danish ones included), digits, spaces or dashes, starting with no space. */
export function isValidPlate(plate: string): boolean {
  return /^[A-Z0-9ÆØÅ][A-Z0-9ÆØÅ -]{0,14}$/.test(normalizePlate(plate));
}

/** The newest model year the server accepts: next year's models are sold this year. */
export function latestModelYear(now = new Date()): number {
  return now.getUTCFullYear() + 1;
}
