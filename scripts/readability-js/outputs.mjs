// Runs Mozilla's Readability (the extractor of Firefox's reader view, @mozilla/readability on jsdom) on the pages
// that HtmlExtractionEvaluation scores and writes what it extracts as JSON, {"zyte": {id: text}, "html-eval":
// {file: text}}, so that the evaluation scores it with the very same code as our extractor
// (./newsroom html-extraction-compare runs both steps).
//
//   node scripts/readability-js/outputs.mjs ROOT > readability-js.json
//
// As in the Zyte benchmark's extractors/readability_js/cli.js: new JSDOM(page, {url}), new Readability(document)
// .parse(). Two differences, both in Readability's favour: bytes that are valid UTF-8 are read as UTF-8 (as our
// TextDecoding does; the Zyte pages are all UTF-8), any other page goes to jsdom as bytes, which finds the encoding
// itself (BOM, <meta charset>, else windows-1252); and the text gets a line break after each block element
// (textContent alone glues "end.</p><p>Next" into one word).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

const BLOCKS = new Set(["P", "DIV", "SECTION", "ARTICLE", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6",
  "BLOCKQUOTE", "PRE", "TR", "TD", "TH", "TABLE", "BR", "DD", "DT", "FIGCAPTION", "HEADER", "FOOTER"]);

// jsdom reports every stylesheet it cannot parse; none of that matters here.
const quiet = new VirtualConsole();

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function decoded(bytes) {
  try {
    return UTF8.decode(bytes);
  } catch {
    return bytes;
  }
}

function extract(bytes) {
  try {
    const dom = new JSDOM(decoded(bytes), { url: "https://fake-url.com", virtualConsole: quiet });
    const article = new Readability(dom.window.document, { serializer: (element) => element }).parse();
    if (!article || !article.content) {
      return "";
    }
    const root = article.content;
    for (const element of [...root.querySelectorAll("*")]) {
      if (BLOCKS.has(element.tagName)) {
        element.after(dom.window.document.createTextNode("\n"));
      }
    }
    const text = root.textContent;
    dom.window.close();
    return text;
  } catch (e) {
    // An extractor failure scores as an empty output, as in the benchmarks.
    process.stderr.write(`readability-js: ${e.message}\n`);
    return "";
  }
}

const root = process.argv[2] ?? ".";
const zyte = join(root, "samples/formats/html");
const htmlEval = join(root, "data/html-eval");
const truth = JSON.parse(readFileSync(join(zyte, "ground-truth.json"), "utf8"));
const expectations = JSON.parse(readFileSync(join(htmlEval, "expectations.json"), "utf8"));
const outputs = { zyte: {}, "html-eval": {} };
for (const id of Object.keys(truth)) {
  outputs.zyte[id] = extract(readFileSync(join(zyte, "pages", `${id}.html`)));
}
for (const file of Object.keys(expectations)) {
  outputs["html-eval"][file] = extract(readFileSync(join(htmlEval, "pages", file)));
}
process.stdout.write(JSON.stringify(outputs));
