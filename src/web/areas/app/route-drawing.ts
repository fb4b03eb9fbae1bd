/** A position as the API sends it. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A point in an SVG drawing: x to the right, y downwards. */
export interface DrawingPoint {
  x: number;
  y: number;
}

export interface DrawingBox {
  width: number;
  height: number;
  /** Room kept free on every side, so the start and end markers are not cut off. */
  padding: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A route's positions placed in a box of the given size, north up, scaled to fill it as far as
 * the route's shape allows and centred. A degree of longitude is shorter than one of latitude
 * away from the equator, so longitudes are narrowed by the cosine of the route's middle latitude,
 * which keeps the shape true for the few kilometres a trip covers. A route that never moves is one
 * point in the middle.
 */
export function fitRoute(route: readonly GeoPoint[], box: DrawingBox): DrawingPoint[] {
  if (route.length === 0) return [];
  const lats = route.map((point) => point.lat);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const narrowing = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const flat = route.map((point) => ({ x: point.lon * narrowing, y: -point.lat }));
  const xs = flat.map((point) => point.x);
  const ys = flat.map((point) => point.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  const innerWidth = box.width - 2 * box.padding;
  const innerHeight = box.height - 2 * box.padding;
  const scales = [spanX > 0 ? innerWidth / spanX : Infinity, spanY > 0 ? innerHeight / spanY : Infinity];
  const scale = Math.min(...scales);
  if (!Number.isFinite(scale)) {
    return flat.map(() => ({ x: round(box.width / 2), y: round(box.height / 2) }));
  }
  const offsetX = (box.width - spanX * scale) / 2;
  const offsetY = (box.height - spanY * scale) / 2;
  return flat.map((point) => ({
    x: round(offsetX + (point.x - minX) * scale),
    y: round(offsetY + (point.y - minY) * scale),
  }));
}

/** The `points` attribute of an SVG <polyline> through the given points. */
export function polylinePoints(points: readonly DrawingPoint[]): string {
  return points.map((point) => `${point.x},${point.y}`).join(' ');
}
