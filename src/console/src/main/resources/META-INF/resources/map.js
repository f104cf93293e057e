// The alert map, drawn offline in SVG with d3-geo: the committed base map (Natural Earth via world-atlas), the impact
// zones of alert-ingestion (/map/zones.geojson), the launch point, the predicted impact and the ground track (a
// great circle from launch to impact: the alert carries no reported track points), the affected countries' zones
// outlined and the threatened zones filled. No tile server, nothing from outside the console.
import { geoPath, geoAzimuthalEquidistant, geoGraticule10, geoArea, geoCentroid, geoDistance, geoInterpolate, geoCircle } from 'd3-geo';

const SVG = 'http://www.w3.org/2000/svg';
let basemap = null;
let zones = null;

async function loadJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
  return response.json();
}

/** d3-geo wants exterior rings clockwise; a polygon that would cover more than half the sphere is turned round. */
function rewind(collection) {
  for (const f of collection.features) {
    const g = f.geometry;
    if (!g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) {
      if (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI) rings.forEach(r => r.reverse());
    }
  }
  return collection;
}

export async function loadLayers() {
  if (!basemap) basemap = rewind(await loadJson('/map/basemap.geojson'));
  if (!zones) zones = rewind(await loadJson('/map/zones.geojson'));
  return { basemap, zones };
}

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
}

/** Zones that concern one of the countries (their own, or disputed ones they claim). */
function concerns(zone, countries) {
  const p = zone.properties || {};
  return countries.includes(p.country) || (p.claimants || []).some(c => countries.includes(c));
}

/**
 * Draws the alert into a new <svg> and answers it. labels: {launch, impact, track, title}.
 */
export async function drawAlertMap(alert, labels, width = 720, height = 480) {
  const { basemap, zones } = await loadLayers();
  const launch = alert.launch?.launchPoint ? [alert.launch.launchPoint.lon, alert.launch.launchPoint.lat] : null;
  const impact = alert.launch?.predictedImpactPoint ? [alert.launch.predictedImpactPoint.lon, alert.launch.predictedImpactPoint.lat] : null;
  const affected = alert.affectedCountries || [];
  const threatened = new Set((alert.threats || []).map(t => t.area));
  const affectedZones = zones.features.filter(z => concerns(z, affected));
  const hitZones = zones.features.filter(z => threatened.has(z.properties?.name));
  const track = launch && impact ? { type: 'LineString', coordinates: [launch, impact] } : null;

  // what the map must show: the track, or the launch point, or the hit zones, else the three countries' home waters
  const focus = [];
  if (track) focus.push({ type: 'Feature', geometry: track });
  // a launch point alone would give the map no extent: show some 600 km around it
  if (launch) focus.push({ type: 'Feature', geometry: geoCircle().center(launch).radius(track ? 1 : 5)() });
  const near = hitZones.filter(z => !launch || geoDistance(geoCentroid(z), launch) < 0.8);
  focus.push(...near);
  if (!focus.length) focus.push(...zones.features.filter(z => ['zone-japan', 'zone-republic-of-korea'].includes(z.properties?.id)));
  const focusCollection = { type: 'FeatureCollection', features: focus };
  const centre = launch && impact ? geoInterpolate(launch, impact)(0.5) : geoCentroid(focusCollection);
  const projection = geoAzimuthalEquidistant().rotate([-centre[0], -centre[1]]).clipAngle(80);
  projection.fitExtent([[40, 40], [width - 40, height - 40]], focusCollection);
  if (projection.scale() > 6000) projection.scale(6000);
  const path = geoPath(projection);

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'img', 'aria-label': labels.title,
    'data-testid': 'alert-map' });
  svg.append(el('title', {}, labels.title));
  svg.append(el('path', { class: 'graticule', d: path(geoGraticule10()) }));
  const land = el('g', { 'data-testid': 'map-basemap' });
  for (const f of basemap.features) land.append(el('path', { class: 'land', d: path(f) || '' }));
  svg.append(land);
  const zoneLayer = el('g', { 'data-testid': 'map-zones' });
  for (const z of affectedZones) {
    const hit = threatened.has(z.properties?.name);
    zoneLayer.append(el('path', { class: 'zone' + (hit ? ' affected' : '') + (z.properties?.disputed ? ' disputed' : ''),
      d: path(z) || '', 'data-zone': z.properties?.id, 'data-threatened': hit ? 'true' : 'false' }));
  }
  for (const z of hitZones.filter(z => !affectedZones.includes(z))) {
    zoneLayer.append(el('path', { class: 'zone affected', d: path(z) || '', 'data-zone': z.properties?.id, 'data-threatened': 'true' }));
  }
  svg.append(zoneLayer);
  if (track) svg.append(el('path', { class: 'track', d: path(track), 'data-testid': 'map-track' }));
  if (launch) {
    const [x, y] = projection(launch);
    svg.append(el('circle', { class: 'launch', cx: x, cy: y, r: 5, 'data-testid': 'map-launch' }));
    svg.append(el('text', { x: x + 8, y: y - 8 }, labels.launch));
  }
  if (impact) {
    const [x, y] = projection(impact);
    const g = el('g', { 'data-testid': 'map-impact' });
    g.append(el('circle', { class: 'impact', cx: x, cy: y, r: 9 }));
    g.append(el('path', { class: 'impact', d: `M${x - 6},${y - 6}L${x + 6},${y + 6}M${x - 6},${y + 6}L${x + 6},${y - 6}` }));
    svg.append(g);
    svg.append(el('text', { x: x + 12, y: y + 4 }, labels.impact));
  }
  return svg;
}
