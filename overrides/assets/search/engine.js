/* INTEGR8 search engine, loaded when the reader opens search (by search.js).
 *
 * Each language's index file carries the rules of its text (plugins/integr8/search/
 * normalisation.yml and languages.yml); this file applies them to the query in the order
 * plugins/integr8/search/normalise.py applies them to the pages, turns the compact index back
 * into lunr.js's serialised index (nothing is indexed again), builds the query like
 * plugins/integr8/search/index.py and shows the results. tests/search/parity.test.js runs the
 * same examples and queries through this file and through Python.
 *
 * In Node it exports its functions and touches no page. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.integr8Search = api;
})(this, function () {
  "use strict";

  var LUNR_VERSION = "2.3.9";
  var EXACT_BOOST = 10, PREFIX_BOOST = 1, STEM_AGAIN_BOOST = 5, MIN_PREFIX = 3;
  var FIRST = 3, FIRST_GLOSSARY = 1; // at most one glossary entry among the first three results
  var PAGE = 20, SNIPPET = 180, ANNOUNCE_AFTER = 600; // results shown at a time, snippet length
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var has = Object.prototype.hasOwnProperty;

  function mapChars(text, table) {
    var out = "";
    for (var char of text) out += has.call(table, char) ? table[char] : char;
    return out;
  }

  function length(text) {
    return Array.from(text).length; // code points, as Python's len()
  }

  // The stemmer named in the rules ("lunr.de.stemmer"), as a function of a word.
  function stemmerFunction(path, lunr) {
    if (!path) return null;
    var fn = path.split(".").slice(1).reduce(function (object, key) {
      return object && object[key];
    }, lunr);
    if (typeof fn !== "function") throw new Error("search: stemmer " + path + " is not loaded");
    return function (word) {
      return String(fn(new lunr.Token(word, {})));
    };
  }

  // The text rules of one language: steps 1-7 of normalisation.yml.
  function Rules(data, lunr) {
    this.upper = data.upper;
    this.letters = data.letters;
    this.fold = data.fold;
    this.stopwords = new Set(data.stopwords);
    this.prefixes = data.prefixes;
    this.minStem = data.min_stem;
    this.stem = stemmerFunction(data.stemmer, lunr);
    // Display words: letters, marks, digits and the characters normalisation removes inside
    // words (apostrophes, ZWNJ, tatweel…), so that a marked word is marked whole.
    var joiners = Object.keys(data.letters).filter(function (char) {
      return data.letters[char] === "";
    }).map(function (char) {
      return "\\u{" + char.codePointAt(0).toString(16) + "}";
    }).join("");
    this.displayWord = new RegExp("[\\p{L}\\p{M}\\p{N}" + joiners + "]+", "gu");
  }
  Rules.prototype.words = function (text) {
    text = mapChars(String(text).normalize("NFKC"), this.upper).toLowerCase();
    return mapChars(text, this.letters).match(WORD) || [];
  };
  Rules.prototype.normalise = function (text) {
    return this.words(text).join(" ");
  };
  Rules.prototype.term = function (word) {
    if (this.stopwords.has(word)) return null;
    for (var i = 0; i < this.prefixes.length; i++) {
      var prefix = this.prefixes[i];
      if (word.startsWith(prefix) && length(word) - length(prefix) >= this.minStem) {
        word = word.slice(prefix.length);
        break;
      }
    }
    if (this.stem) word = this.stem(word);
    word = mapChars(word, this.fold);
    return word || null;
  };
  Rules.prototype.terms = function (text) {
    var self = this;
    return this.words(text).map(function (word) {
      return self.term(word);
    }).filter(Boolean);
  };
  Rules.prototype.stemAgain = function (term) {
    return this.stem ? mapChars(this.stem(term), this.fold) : term;
  };

  // lunr's pipeline step, registered under the name the index was built with.
  function register(lunr, label, rules) {
    var step = function (token) {
      var term = rules.term(token.toString());
      return term ? token.update(function () { return term; }) : undefined;
    };
    if (lunr.Pipeline.registeredFunctions[label]) delete lunr.Pipeline.registeredFunctions[label];
    lunr.Pipeline.registerFunction(step, label);
  }

  // The compact index back as lunr's serialised index (see plugins/integr8/search/index.py).
  function decode(compact) {
    var postings = compact.terms.map(function (_, position) {
      var posting = { _index: position };
      compact.fields.forEach(function (field) {
        posting[field] = {};
      });
      return posting;
    });
    var fieldVectors = [];
    compact.fields.forEach(function (field) {
      compact.vectors[field].forEach(function (flat, doc) {
        var elements = [], term = 0;
        for (var k = 0; k < flat.length; k += 2) {
          term += flat[k];
          elements.push(term, flat[k + 1] / 1000);
          postings[term][field][doc] = {};
        }
        fieldVectors.push([field + "/" + doc, elements]);
      });
    });
    return {
      version: LUNR_VERSION,
      fields: compact.fields,
      fieldVectors: fieldVectors,
      invertedIndex: compact.terms.map(function (term, position) {
        return [term, postings[position]];
      }),
      pipeline: compact.pipeline,
    };
  }

  // [term, boost, prefix] for each clause: the twin of query_clauses in index.py.
  function clauses(text, rules) {
    var list = [], seen = new Set();
    function add(term, boost, prefix) {
      var key = term + "\u0000" + boost + "\u0000" + prefix;
      if (!term || seen.has(key) || (prefix && length(term) < MIN_PREFIX)) return;
      seen.add(key);
      list.push([term, boost, prefix]);
    }
    var words = rules.words(text);
    words.forEach(function (word, position) {
      var term = rules.term(word);
      if (term === null) {
        if (position === words.length - 1) add(word, PREFIX_BOOST, true); // may be the start of a word
        return;
      }
      add(term, EXACT_BOOST, false);
      add(term, PREFIX_BOOST, true);
      var again = rules.stemAgain(term);
      if (again !== term) {
        add(again, STEM_AGAIN_BOOST, false);
        add(again, PREFIX_BOOST, true);
      }
    });
    return list;
  }

  // lunr's ranking, with at most FIRST_GLOSSARY glossary entries among the FIRST results.
  function arrange(results, kinds) {
    var first = [], glossary = 0;
    for (var i = 0; i < results.length && first.length < FIRST; i++) {
      if (kinds[Number(results[i].ref)] === "glossary") {
        if (glossary === FIRST_GLOSSARY) continue;
        glossary += 1;
      }
      first.push(results[i]);
    }
    return first.concat(results.filter(function (result) {
      return first.indexOf(result) < 0;
    }));
  }

  function search(index, list, lunr, kinds) {
    if (!list.length) return [];
    return arrange(index.query(function (query) {
      list.forEach(function (clause) {
        query.term(clause[0], {
          boost: clause[1],
          usePipeline: false,
          wildcard: clause[2] ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
        });
      });
    }), kinds);
  }

  // Everything the browser needs from one language file.
  function prepare(payload, lunr) {
    var rules = new Rules(payload.rules, lunr);
    register(lunr, payload.index.pipeline[0], rules);
    var index = lunr.Index.load(decode(payload.index));
    var kinds = payload.documents.map(function (doc) {
      return doc[1];
    });
    return {
      rules: rules,
      index: index,
      clauses: function (text) {
        return clauses(text, rules);
      },
      search: function (text) {
        return search(index, clauses(text, rules), lunr, kinds);
      },
    };
  }

  // Snippets and marks ------------------------------------------------------------------------
  function matcher(list, rules) {
    var exact = new Set(), prefixes = [];
    list.forEach(function (clause) {
      if (clause[2]) prefixes.push(clause[0]);
      else exact.add(clause[0]);
    });
    var known = new Map(); // the same words recur in every snippet: stem each once per query
    return function (word) {
      if (!known.has(word)) {
        known.set(word, rules.terms(word).some(function (term) {
          return exact.has(term) || prefixes.some(function (prefix) {
            return term.startsWith(prefix);
          });
        }));
      }
      return known.get(word);
    };
  }

  // [start, end] of each word of `text` that matches.
  function spans(text, matches, rules) {
    var found = [], match;
    rules.displayWord.lastIndex = 0;
    while ((match = rules.displayWord.exec(text))) {
      if (matches(match[0])) found.push([match.index, match.index + match[0].length]);
    }
    return found;
  }

  // The text with its matches in <mark>, cut to a window around the first match when long.
  function marked(text, matches, rules, limit) {
    var found = spans(text, matches, rules), start = 0, end = text.length;
    if (limit && text.length > limit) {
      var first = found.length ? found[0][0] : 0;
      start = Math.max(0, first - Math.floor(limit / 3));
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;
      end = Math.min(text.length, start + limit);
      if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    }
    var fragment = document.createDocumentFragment(), at = start;
    if (start > 0) fragment.appendChild(document.createTextNode("… "));
    found.forEach(function (span) {
      if (span[0] < at || span[1] > end) return;
      fragment.appendChild(document.createTextNode(text.slice(at, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      fragment.appendChild(mark);
      at = span[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return fragment;
  }

  // The passage to show: the first of summary, objectives and headings holding a match.
  function bestPassage(doc, matches, rules) {
    var candidates = [[doc[4], ""]].concat(doc[5].map(function (passage) {
      return [passage[0], passage[1] || ""];
    })).filter(function (candidate) {
      return candidate[0];
    });
    for (var i = 0; i < candidates.length; i++) {
      if (spans(candidates[i][0], matches, rules).length) return candidates[i];
    }
    return candidates[0] || ["", ""];
  }

  // The dialog -----------------------------------------------------------------------------------
  function start(dialog, payload, lunr) {
    var engine = prepare(payload, lunr);
    var rules = engine.rules, docs = payload.documents, strings = payload.strings;
    var input = dialog.querySelector("#i8-search-input");
    var list = dialog.querySelector(".i8-search__results");
    var status = dialog.querySelector("[data-i8-search-status]");
    var root = new URL(dialog.getAttribute("data-root"), document.baseURI);
    var announce = null, shown = null, current = { results: [], matches: null, listed: 0 };
    var more = document.createElement("button");
    more.type = "button";
    more.className = "i8-search__more";
    more.textContent = strings.more;
    more.hidden = true;
    list.after(more);

    function count(n, text) {
      if (n === 0) return strings.none.replace("{query}", text.trim());
      return n === 1 ? strings.count_one : strings.count.replace("{n}", String(n));
    }

    function item(result, matches) {
      var doc = docs[Number(result.ref)];
      var passage = bestPassage(doc, matches, rules);
      var li = document.createElement("li");
      li.className = "i8-search__result";
      var link = document.createElement("a");
      link.href = new URL(doc[0] + (passage[1] ? "#" + passage[1] : ""), root).href;
      link.appendChild(marked(doc[2], matches, rules, 0));
      var meta = document.createElement("p");
      meta.className = "i8-search__meta";
      meta.textContent = [strings.kinds[doc[1]] || doc[1]].concat(doc[3]).join(" · ");
      li.appendChild(link);
      li.appendChild(meta);
      if (passage[0]) {
        var snippet = document.createElement("p");
        snippet.className = "i8-search__snippet";
        snippet.appendChild(marked(passage[0], matches, rules, SNIPPET));
        li.appendChild(snippet);
      }
      return li;
    }

    // The next PAGE results; with `focus`, the first of them gets the focus (the "more" button).
    function showMore(focus) {
      var items = document.createDocumentFragment(), first = null;
      current.results.slice(current.listed, current.listed + PAGE).forEach(function (result) {
        var li = item(result, current.matches);
        first = first || li;
        items.appendChild(li);
      });
      current.listed += PAGE;
      list.appendChild(items);
      more.hidden = current.listed >= current.results.length;
      if (focus && first) first.querySelector("a").focus();
    }

    function run() {
      var text = input.value;
      if (text === shown) return;
      shown = text;
      var asked = engine.clauses(text);
      var results = engine.search(text);
      current = { results: results, matches: matcher(asked, rules), listed: 0 };
      list.textContent = "";
      showMore(false);
      list.hidden = !results.length;
      list.setAttribute("data-i8-query", text); // the results shown are this query's (tests, integr8 bench)
      // Announce the count once the reader pauses, not at every letter.
      clearTimeout(announce);
      var message = asked.length ? count(results.length, text) : "";
      announce = setTimeout(function () {
        status.textContent = message;
        status.setAttribute("data-i8-query", text);
      }, ANNOUNCE_AFTER);
      if (!asked.length) status.textContent = "";
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    input.addEventListener("input", run);
    more.addEventListener("click", function () {
      showMore(true);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) {
        event.preventDefault();
        links()[0].focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (at < 0 || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else if (next < all.length) all[next].focus();
    });
    // A result on the page already open only moves to its anchor: close the dialog first.
    list.addEventListener("click", function (event) {
      if (event.target.closest("a")) dialog.close();
    });
    dialog.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) {
        dialog.close();
        window.location.href = first.href;
      }
    });
    status.textContent = "";
    run();
    return engine;
  }

  return {
    Rules: Rules,
    decode: decode,
    clauses: clauses,
    search: search,
    prepare: prepare,
    start: start,
  };
});
