// The browser half of search, run by Node on the same inputs as the Python half.
//
// Usage: node tests/search/parity.test.js JOB.json   (tests/test_search_parity.py writes JOB.json)
//
// JOB.json: { "payloads": {language: the language's index file},
//             "examples": the `examples` of plugins/integr8/search/normalisation.yml,
//             "texts": {language: [whole files]}, "words": {language: [words]},
//             "queries": {language: [texts]} }
//
// It loads the files the browser loads (overrides/assets/search/: lunr.min.js, the lunr-languages
// stemmers, engine.js), checks every normalisation example itself (exit 1 and one line per
// difference), and prints as JSON what Python compares: the words of every text, the term of
// every word, and the clauses and ranked results of every query.
"use strict";

const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const ASSETS = path.resolve(__dirname, "../../overrides/assets/search");
const lunr = require(path.join(ASSETS, "lunr.min.js"));
const engine = require(path.join(ASSETS, "engine.js"));

const loaded = new Set(["lunr.min.js", "engine.js"]);
function loadScripts(payload) {
  // The stemmer scripts a language needs, as search.js loads them (lunr-languages attach to lunr).
  for (const name of payload.scripts || []) {
    if (loaded.has(name)) continue;
    loaded.add(name);
    const plugin = require(path.join(ASSETS, name));
    if (typeof plugin === "function") plugin(lunr);
  }
}

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const prepared = {};
for (const [language, payload] of Object.entries(job.payloads)) {
  loadScripts(payload);
  prepared[language] = engine.prepare(payload, lunr);
}

const failures = [];
for (const example of job.examples) {
  const rules = prepared[example.language].rules;
  const normal = rules.normalise(example.input);
  try {
    assert.strictEqual(normal, example.normal);
    if (example.terms) assert.deepStrictEqual(rules.terms(example.input), example.terms);
  } catch (error) {
    failures.push(`${example.language} ${JSON.stringify(example.input)}: JavaScript gives ` +
      `${JSON.stringify(normal)} ${JSON.stringify(rules.terms(example.input))}, ` +
      `normalisation.yml says ${JSON.stringify(example.normal)} ${JSON.stringify(example.terms || null)} (${example.why})`);
  }
}
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}

const output = { words: {}, terms: {}, queries: {} };
for (const [language, texts] of Object.entries(job.texts || {})) {
  const rules = prepared[language].rules;
  output.words[language] = texts.map((text) => rules.words(text));
}
for (const [language, words] of Object.entries(job.words || {})) {
  const rules = prepared[language].rules;
  output.terms[language] = words.map((word) => rules.term(word));
}
for (const [language, texts] of Object.entries(job.queries || {})) {
  const search = prepared[language];
  output.queries[language] = texts.map((text) => ({
    clauses: search.clauses(text),
    results: search.search(text).map((result) => [result.ref, Math.round(result.score * 1e6) / 1e6]),
  }));
}
process.stdout.write(JSON.stringify(output));
