"""One language's search file: a prebuilt lunr index, the documents it finds, the rules of its text.

The index is built with lunr.py and shipped in a compact form that the browser turns back into
lunr.js's own serialised index (``lunr.Index.load``) without indexing anything again:

- ``terms``: every index term, in the order lunr.js's token set needs (UTF-16 code units);
- ``vectors[field][document]``: lunr's field vector of that document, as pairs of
  (term number minus the previous one, BM25 weight × 1000) — lunr's own precision.

lunr's inverted index is exactly these vectors read the other way round (no positions or other
metadata are kept: results show snippets computed from the stored passages), so it is left out
and rebuilt by transposition in the browser (``decode`` in engine.js, :func:`decode` here).

Query construction (:func:`query_clauses`) lives here and in engine.js, tested to agree: for each
word its term boosted ×10, the term as a prefix (``term*``), and the stem of the stem (Snowball
removes one ending: "Gesundheitssystems" → "gesundheitssystem" → "gesundheitssyst").
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query

from .documents import SearchDocument
from .normalise import TextRules, rules_for

FORMAT = 1
LUNR_VERSION = "2.3.9"  # the lunr.js the browser runs; lunr.py 0.8.0 writes indexes for it
# Fields: the title, and the rest of the text people search for (summary, objectives, headings,
# topics). A word in the title weighs ten times as much as elsewhere.
FIELDS = (("t", 10), ("x", 1))
EXACT_BOOST, PREFIX_BOOST, STEM_AGAIN_BOOST = 10, 1, 5
MIN_PREFIX = 3  # shorter prefixes match too many words to help
# The first results are for finding pages: at most this many glossary entries among them, else
# its many short entries (three kinds of residence permit…) push the module on the subject out.
FIRST, FIRST_GLOSSARY = 3, 1


def pipeline_label(language: str) -> str:
    return f"integr8-{language}"


def _pipeline_function(rules: TextRules):
    """lunr's pipeline step: stop words, prefixes, stemmer and fold of :meth:`TextRules.term`."""
    label = pipeline_label(rules.language)
    existing = Pipeline.registered_functions.get(label)
    if existing is not None and getattr(existing, "rules", None) == rules:
        return existing

    def step(token, i, tokens):
        term = rules.term(token.string)
        return token.update(lambda string, metadata: term) if term else None

    step.rules = rules
    Pipeline.registered_functions.pop(label, None)
    Pipeline.register_function(step, label)
    return step


def _fields(document: SearchDocument) -> dict:
    rest = [document.summary, *(p.text for p in document.passages), *document.keywords]
    return {"t": document.title, "x": "\n".join(text for text in rest if text)}


class _Builder(Builder):
    """lunr's builder, able to make the empty index of a language nothing is written in yet."""

    def _calculate_average_field_lengths(self):
        if not self.field_lengths:  # lunr.py divides by the number of documents
            self.average_field_length = {name: 0 for name in self._fields}
            return
        super()._calculate_average_field_lengths()


def build_lunr(documents: list[SearchDocument], rules: TextRules) -> Index:
    step = _pipeline_function(rules)
    builder = _Builder()
    builder.pipeline.add(step)
    builder.search_pipeline.add(step)
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for number, document in enumerate(documents):
        fields = _fields(document)
        # lunr's tokenizer gets our words (a list), so it splits nothing itself
        builder.add({"id": str(number), **{name: rules.words(fields[name]) for name, _ in FIELDS}})
    return builder.build()


def _utf16(term: str) -> bytes:
    return term.encode("utf-16-be")


def encode(serialised: dict, count: int) -> dict:
    """lunr's serialised index in the compact form described in the module docstring."""
    terms = sorted((term for term, _ in serialised["invertedIndex"]), key=_utf16)
    number = {term: position for position, term in enumerate(terms)}
    renumber = {posting["_index"]: number[term] for term, posting in serialised["invertedIndex"]}
    vectors = {name: [[] for _ in range(count)] for name in serialised["fields"]}
    for ref, elements in serialised["fieldVectors"]:
        field, _, doc = ref.partition("/")
        pairs = sorted((renumber[elements[k]], elements[k + 1]) for k in range(0, len(elements), 2))
        flat, previous = [], 0
        for term, score in pairs:
            flat += [term - previous, round(score * 1000)]
            previous = term
        vectors[field][int(doc)] = flat
    return {"fields": list(serialised["fields"]), "pipeline": serialised["pipeline"], "terms": terms, "vectors": vectors}


def decode(compact: dict) -> dict:
    """The compact form back as lunr's serialised index (what engine.js does in the browser)."""
    terms, fields = compact["terms"], compact["fields"]
    postings = [{"_index": position, **{field: {} for field in fields}} for position in range(len(terms))]
    field_vectors = []
    for field in fields:
        for doc, flat in enumerate(compact["vectors"][field]):
            elements, term = [], 0
            for k in range(0, len(flat), 2):
                term += flat[k]
                elements += [term, flat[k + 1] / 1000]
                postings[term][field][str(doc)] = {}
            field_vectors.append([f"{field}/{doc}", elements])
    inverted = [[term, postings[position]] for position, term in enumerate(terms)]
    return {"version": LUNR_VERSION, "fields": fields, "fieldVectors": field_vectors, "invertedIndex": inverted, "pipeline": compact["pipeline"]}


def _document_row(document: SearchDocument) -> list:
    passages = [[p.text, p.anchor] if p.anchor else [p.text] for p in document.passages]
    return [document.url, document.kind, document.title, document.facts, document.summary, passages]


@dataclass
class LanguageIndex:
    language: str
    payload: dict  # the JSON object written to assets/search/<language>.json
    documents: list[SearchDocument]

    @property
    def kinds(self) -> list[str]:
        return [document.kind for document in self.documents]

    def to_json(self) -> bytes:
        """Compact UTF-8 JSON: letters as themselves, never \\u escapes."""
        return json.dumps(self.payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build_language_index(documents: list[SearchDocument], rules: TextRules, strings: dict) -> LanguageIndex:
    index = build_lunr(documents, rules)
    payload = {
        "format": FORMAT,
        "language": rules.language,
        "rules": rules.for_browser(),
        "strings": strings,
        "documents": [_document_row(document) for document in documents],
        "index": encode(index.serialize(), len(documents)),
    }
    return LanguageIndex(rules.language, payload, documents)


# Queries (the Python twin of engine.js, for tests and for checking search quality) ------------
def query_clauses(text: str, rules: TextRules) -> list[tuple[str, int, bool]]:
    """(term, boost, prefix) for each clause of the query ``text``, in order, without repeats."""
    clauses: list[tuple[str, int, bool]] = []

    def add(term: str, boost: int, prefix: bool) -> None:
        if term and (term, boost, prefix) not in clauses and (not prefix or len(term) >= MIN_PREFIX):
            clauses.append((term, boost, prefix))

    words = rules.words(text)
    for position, word in enumerate(words):
        term = rules.term(word)
        if term is None:
            if position == len(words) - 1:  # a stop word being typed may be the start of a word
                add(word, PREFIX_BOOST, True)
            continue
        add(term, EXACT_BOOST, False)
        add(term, PREFIX_BOOST, True)
        again = rules.stem_again(term)
        if again != term:
            add(again, STEM_AGAIN_BOOST, False)
            add(again, PREFIX_BOOST, True)
    return clauses


def arrange(results: list, kinds: list[str]) -> list:
    """lunr's ranking, with at most FIRST_GLOSSARY glossary entries among the FIRST results."""
    first, glossary = [], 0
    for result in results:
        if len(first) == FIRST:
            break
        if kinds[int(result["ref"])] == "glossary":
            if glossary == FIRST_GLOSSARY:
                continue
            glossary += 1
        first.append(result)
    chosen = {id(result) for result in first}
    return first + [result for result in results if id(result) not in chosen]


def search(index: Index, text: str, rules: TextRules, kinds: list[str]) -> list[dict]:
    """Results of ``text``; ``kinds`` are the documents' kinds, by document number."""
    clauses = query_clauses(text, rules)
    if not clauses:
        return []
    query = index.create_query()
    for term, boost, prefix in clauses:
        query.term(term, boost=boost, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING if prefix else Query.WILDCARD_NONE)
    return arrange(index.query(query), kinds)


def load(payload: dict) -> Index:
    """The lunr.py index of a language file, as the browser loads it."""
    _pipeline_function(rules_for(payload["language"]))
    return Index.load(decode(payload["index"]))
