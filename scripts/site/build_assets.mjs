// Build the page's map geometry and vendor its table script; run once when either should change,
// then commit the result (src/asean_tip_data/_page/site/). Run with `npm install && node build_assets.mjs`,
// then `python subset_font.py` for the font.
//
// The map: Natural Earth's 1:50m countries (npm world-atlas; the 1:110m file lacks Singapore). The
// eleven Southeast Asian states are simplified; the land around them (China, India, Australia, ...)
// is clipped to the map's frame and drawn grey. Each state's label points are the poles of
// inaccessibility (polylabel) of its largest polygons, found in the page's Mercator projection, so
// that every mark lies inside the state it names.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import bboxClip from "@turf/bbox-clip";
import { geoArea, geoMercator } from "d3-geo";
import polylabel from "polylabel";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";

const require = createRequire(import.meta.url);
const SITE = new URL("../../src/asean_tip_data/_page/site/", import.meta.url);
// ISO 3166-1 numeric codes, as world-atlas names its features and countries.csv lists them.
const SOUTHEAST_ASIA = new Set(["096", "104", "116", "360", "418", "458", "608", "626", "702", "704", "764"]);
const FRAME = [91, -11.5, 141.5, 28.8]; // west, south, east, north: the eleven states and a margin
const KEEP = 0.3; // share of the points kept: the smallest that still shows Singapore and Brunei
const SECOND = 0.5; // a polygon at least this share of a state's largest gets a label point too

const world = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
const prepared = presimplify(world);
const simple = simplify(prepared, quantile(prepared, 1 - KEEP));
const round = (x) => (Array.isArray(x) ? x.map(round) : Math.round(x * 1000) / 1000);
const mercator = geoMercator();

function polygonsOf(geometry) {
  return geometry.type === "MultiPolygon" ? geometry.coordinates : [geometry.coordinates];
}

function labelPoints(geometry) {
  const polygons = polygonsOf(geometry).map((coordinates) => ({
    coordinates,
    area: geoArea({ type: "Polygon", coordinates }),
  }));
  const largest = Math.max(...polygons.map((p) => p.area));
  return polygons
    .filter((p) => p.area >= SECOND * largest)
    .sort((a, b) => b.area - a.area)
    .map((p) => {
      const projected = p.coordinates.map((ring) => ring.map((point) => mercator(point)));
      return mercator.invert(polylabel(projected, 0.01)).map((x) => Math.round(x * 1000) / 1000);
    });
}

const features = [];
for (const country of feature(simple, simple.objects.countries).features) {
  if (!country.geometry) continue;
  if (SOUTHEAST_ASIA.has(country.id)) {
    country.properties = { numeric_code: country.id, member: true, labels: labelPoints(country.geometry) };
    features.push(country);
  } else {
    const clipped = bboxClip(country, FRAME);
    const empty = polygonsOf(clipped.geometry).every((polygon) => polygon.length === 0 || polygon[0].length === 0);
    if (empty) continue;
    clipped.geometry.coordinates = polygonsOf(clipped.geometry).filter((p) => p.length > 0 && p[0].length > 3);
    clipped.geometry.type = "MultiPolygon";
    if (clipped.geometry.coordinates.length === 0) continue;
    clipped.id = country.id ?? country.properties.name;
    clipped.properties = { numeric_code: country.id ?? null, member: false, name: country.properties.name };
    features.push(clipped);
  }
}
features.sort((a, b) => a.id.localeCompare(b.id));
for (const f of features) f.geometry.coordinates = round(f.geometry.coordinates);
const collection = {
  type: "FeatureCollection",
  frame: FRAME,
  attribution: "Made with Natural Earth (public domain), via world-atlas 2.0.2 (ISC licence), 1:50m, simplified.",
  features,
};
writeFileSync(new URL("southeast-asia.geo.json", SITE), JSON.stringify(collection) + "\n");
console.log(`${features.length} countries, ${JSON.stringify(collection).length} bytes`);

// The table script, with its licence: sorting and filtering for long tables, no server involved.
const vendor = new URL("vendor/", SITE);
mkdirSync(vendor, { recursive: true });
copyFileSync(require.resolve("list.js/dist/list.min.js"), new URL("list.min.js", vendor));
copyFileSync(require.resolve("list.js/LICENSE"), new URL("list.js-LICENSE.txt", vendor));
