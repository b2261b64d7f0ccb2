"""The about page (docs/about.<language>.md): its text, followed by the partner organisations
listed from curriculum/partners.yml, so that the list never drifts from the data."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue.countries import country_name

BASE = "about"


@dataclass
class PartnerItem:
    name: str
    country: str  # the country's name in the reader's language
    url: str | None


@dataclass
class AboutPage:
    kind = "about"
    partners: list[PartnerItem]
    content_language: str
    content_direction: str
    labels: dict = field(default_factory=dict)


def about_page(site, page, language: str) -> AboutPage:
    default = site.default_language
    partners = [
        PartnerItem(partner.name, country_name(partner.country, language, default), partner.url)
        for partner in sorted(site.corpus.partners.values(), key=lambda p: (country_name(p.country, language, default).casefold(), p.name.casefold()))
    ]
    strings = site.strings(language)
    return AboutPage(partners, page.language, site.direction(page.language), {"partners": strings["about_partners"], "partners_note": strings["about_partners_note"]})
