"""The content model: modules, language versions, cases, partners and vocabularies."""
