"""Where printable packs and their PDFs live, below a language's folder: the one place for these URLs.

    modules/<id>/trainer-pack/                     modules/<id>/<id>-trainer-pack-<lang>.pdf
    modules/<id>/participant-pack/                 modules/<id>/<id>-participant-pack-<lang>.pdf
    programmes/<id>/pack/                          programmes/<id>/<id>-programme-pack-<lang>.pdf

A PDF's name carries its language, so that a trainer's downloads folder tells them apart.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

PACK_KINDS = ("trainer", "participant")


def module_page_path(module_id: str) -> str:
    return f"modules/{module_id}/"


def module_pack_path(module_id: str, kind: str) -> str:
    return f"modules/{module_id}/{kind}-pack/"


def module_pdf_path(module_id: str, kind: str, language: str) -> str:
    return f"modules/{module_id}/{module_id}-{kind}-pack-{language}.pdf"


def programme_page_path(programme_id: str) -> str:
    return f"programmes/{programme_id}/"


def programme_pack_path(programme_id: str) -> str:
    return f"programmes/{programme_id}/pack/"


def programme_pdf_path(programme_id: str, language: str) -> str:
    return f"programmes/{programme_id}/{programme_id}-programme-pack-{language}.pdf"


def relative(target: str, page: str) -> str:
    """The link from the page at ``page`` to ``target`` (both below the site root, folders end in /)."""
    link = posixpath.relpath("/" + target, "/" + page.rstrip("/")) if target != page else "."
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


@dataclass
class PrintLink:
    label: str
    url: str  # relative to the page that shows the link
    pdf_label: str  # the PDF link's accessible name; its visible text is "PDF"
    pdf_url: str


def module_print_links(module_id: str, language: str, prefix: str, strings) -> list[PrintLink]:
    """The links from a module page (in ``language``, below ``prefix``) to its packs and their PDFs."""
    page = prefix + module_page_path(module_id)
    return [
        PrintLink(
            strings[f"print_{kind}_pack"],
            relative(prefix + module_pack_path(module_id, kind), page),
            strings["pdf_of"].format(title=strings[f"{kind}_pack"]),
            relative(prefix + module_pdf_path(module_id, kind, language), page),
        )
        for kind in PACK_KINDS
    ]
