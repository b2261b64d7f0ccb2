"""The PDFs of a project: which pack page is printed to which file, for which language."""

from __future__ import annotations

from dataclasses import dataclass

from ..pages.generated import language_prefix
from .links import PACK_KINDS, module_pack_path, module_pdf_path, programme_pack_path, programme_pdf_path


@dataclass(frozen=True)
class PdfJob:
    page: str  # the pack page below the site root, e.g. "fa/modules/x/trainer-pack/"
    output: str  # the PDF below the site root, beside the page that links it
    language: str
    kind: str  # "trainer", "participant" or "programme"
    item: str  # the module or programme id


def pdf_jobs(corpus, languages=None, modules=None, programmes=None) -> list[PdfJob]:
    """Every PDF to make, in a stable order: by language, then modules, then programmes.

    Without a choice of modules or programmes, all of both; naming only modules (or only
    programmes) prints only those.
    """
    project = corpus.project
    everything = modules is None and programmes is None
    module_ids = sorted(corpus.modules) if everything else list(dict.fromkeys(modules or []))
    programme_ids = sorted(corpus.programmes) if everything else list(dict.fromkeys(programmes or []))
    jobs = []
    for language in dict.fromkeys(languages or project.codes):
        prefix = language_prefix(language, project.default_language)
        for module_id in module_ids:
            module = corpus.modules[module_id]
            if language not in module.versions and module.source is None:
                continue  # no text at all: the site has no pack to print
            for kind in PACK_KINDS:
                jobs.append(PdfJob(prefix + module_pack_path(module_id, kind), prefix + module_pdf_path(module_id, kind, language), language, kind, module_id))
        for programme_id in programme_ids:
            jobs.append(PdfJob(prefix + programme_pack_path(programme_id), prefix + programme_pdf_path(programme_id, language), language, "programme", programme_id))
    return jobs
