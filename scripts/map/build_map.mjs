// Clip Natural Earth's 1:50m countries (npm world-atlas) to the eleven Southeast Asian states and
// simplify them for the page's map; run once when the geometry should change, commit the result.
//   cd scripts/map && npm install && node build_map.mjs
// The 1:110m file lacks Singapore, so the 1:50m one is the source.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoArea, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";

const require = createRequire(import.meta.url);
const OUTPUT = new URL("../../src/asean_tip_data/site/southeast-asia.geo.json", import.meta.url);
// ISO 3166-1 numeric codes, as world-atlas names its features and countries.csv lists them.
const SOUTHEAST_ASIA = new Set(["096", "104", "116", "360", "418", "458", "608", "626", "702", "704", "764"]);
const KEEP = 0.3; // share of the points kept: the smallest that still shows Singapore and Brunei

const world = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
world.objects.countries.geometries = world.objects.countries.geometries.filter((g) => SOUTHEAST_ASIA.has(g.id));
const prepared = presimplify(world);
const simple = simplify(prepared, quantile(prepared, 1 - KEEP));
const round = (x) => (Array.isArray(x) ? x.map(round) : Math.round(x * 1000) / 1000);

function labelPoint(geometry) {
  // The centre of the largest polygon, so that an archipelago's label lands on land.
  const polygons = geometry.type === "MultiPolygon" ? geometry.coordinates : [geometry.coordinates];
  const largest = polygons
    .map((coordinates) => ({ type: "Polygon", coordinates }))
    .reduce((a, b) => (geoArea(a) >= geoArea(b) ? a : b));
  return geoCentroid(largest).map((x) => Math.round(x * 100) / 100);
}

const countries = feature(simple, simple.objects.countries);
countries.features.sort((a, b) => a.id.localeCompare(b.id));
for (const country of countries.features) {
  const [longitude, latitude] = labelPoint(country.geometry);
  country.properties = { numeric_code: country.id, label_longitude: longitude, label_latitude: latitude };
  country.geometry.coordinates = round(country.geometry.coordinates);
}
countries.attribution = "Made with Natural Earth (public domain), via world-atlas 2.0.2 (ISC licence), 1:50m, simplified.";
writeFileSync(OUTPUT, JSON.stringify(countries) + "\n");
console.log(`${countries.features.length} countries, ${JSON.stringify(countries).length} bytes`);
