// Builds Lynchpin's front-end files into wwwroot/lib/ (gitignored).
// Run by Frontend.targets during `dotnet build`; also `npm run build` by hand.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(webRoot, "wwwroot", "lib");
const modules = path.join(webRoot, "node_modules");
const govuk = path.join(modules, "govuk-frontend", "dist", "govuk");

// govuk's images that Lynchpin never shows: the crest is the Crown copyright mark in govuk's footer.
const unwantedImages = new Set(["govuk-crest.svg"]);

await mkdir(out, { recursive: true });

const css = sass.compile(path.join(webRoot, "frontend", "lynchpin.scss"), {
  importers: [new sass.NodePackageImporter(webRoot)],
  style: "compressed",
  // govuk-frontend's own deprecation notices are theirs to fix, not ours.
  quietDeps: true,
});
await writeFile(path.join(out, "lynchpin.css"), css.css);

// Copy exactly the govuk images the stylesheet refers to, so a govuk upgrade that needs a new one gets it.
const images = [...css.css.matchAll(/url\(["']?\/lib\/images\/([^"')]+)["']?\)/g)].map((m) => m[1]);
for (const image of new Set(images)) {
  if (!unwantedImages.has(image)) {
    await mkdir(path.join(out, "images"), { recursive: true });
    await copyFile(path.join(govuk, "assets", "images", image), path.join(out, "images", image));
  }
}

const scripts = [
  [path.join(govuk, "govuk-frontend.min.js"), "govuk-frontend.min.js"],
  [path.join(govuk, "govuk-frontend.min.js.map"), "govuk-frontend.min.js.map"],
  [path.join(modules, "chart.js", "dist", "chart.umd.min.js"), "chart.umd.min.js"],
  [path.join(modules, "htmx.org", "dist", "htmx.min.js"), "htmx.min.js"],
];
for (const [from, to] of scripts) {
  await copyFile(from, path.join(out, to));
}
console.log(`Lynchpin front end built into ${path.relative(process.cwd(), out) || "."}`);
