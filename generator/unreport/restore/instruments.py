"""General reference data about instruments that United Nations texts cite in footnotes.

Used by ``restore.py`` to tell which words a footnote annotates when its mark was
lost. Nothing here comes from a report that unreport reads: each entry is a public
fact about the United Nations' own publications, with where it can be checked.

* ``TREATIES``: the names of major multilateral treaties with their registration in
  the United Nations Treaty Series (registration number and volume of the original
  text). Source: the United Nations Treaty Collection, https://treaties.un.org
  ("United Nations, Treaty Series, vol. V, No. N" is the citation the Secretariat's
  editorial directives prescribe for a registered treaty). Protocols registered
  under their convention's number are told apart by their own volume.
* ``ADOPTED_BY``: instruments adopted (or endorsed) by a General Assembly resolution
  and printed in its annex, as a note "Resolution 70/175, annex." cites them.
  Source: the resolution itself, https://undocs.org/en/A/RES/<number>.
* ``BODY_REPORTS``: where a body's resolutions are published. A note citing
  "Official Records of the General Assembly, Sixty-eighth Session, Supplement No. 53
  (A/68/53)" cites the Human Rights Council's annual report to that session, which
  holds the Council's resolutions of that year (General Assembly resolution 60/251,
  para. 5 (j); the reports A/61/53 onward). Sessions of the Assembly are numbered
  from 1946: the sixty-eighth opened in 2013. The Commission on Crime Prevention
  and Criminal Justice reports in Official Records of the Economic and Social
  Council, Supplement No. 10 (E/<year>/30), the Commission on Narcotic Drugs in
  Supplement No. 8 (E/<year>/28) (the reports on https://undocs.org).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Treaty:
    """A treaty as the United Nations Treaty Series registers it."""

    number: int
    """Registration number: ``No. 39574``."""
    volume: int
    """Volume of the Treaty Series where the text is printed."""
    names: tuple[str, ...]
    """Names a resolution uses for it, the full one first."""


@dataclass(frozen=True)
class Instrument:
    """An instrument adopted by a General Assembly resolution (printed in its annex)."""

    resolution: str
    """The adopting resolution as printed: ``70/175``, ``217 A (III)``."""
    names: tuple[str, ...]
    """Names a resolution uses for it, the full one first."""


TREATIES: tuple[Treaty, ...] = (
    Treaty(1021, 78, ("Convention on the Prevention and Punishment of the Crime of Genocide",)),
    Treaty(1342, 96, ("Convention for the Suppression of the Traffic in Persons and of the "
                      "Exploitation of the Prostitution of Others",)),
    Treaty(2545, 189, ("Convention relating to the Status of Refugees",)),
    Treaty(7310, 500, ("Vienna Convention on Diplomatic Relations",)),
    Treaty(7515, 520, ("Single Convention on Narcotic Drugs",)),
    Treaty(8791, 606, ("Protocol relating to the Status of Refugees",)),
    Treaty(9464, 660, ("International Convention on the Elimination of All Forms of Racial "
                       "Discrimination",)),
    Treaty(14152, 976, ("Single Convention on Narcotic Drugs",)),  # as amended by the 1972 Protocol
    Treaty(14531, 993, ("International Covenant on Economic, Social and Cultural Rights",)),
    Treaty(14537, 993, ("Convention on International Trade in Endangered Species of Wild Fauna "
                        "and Flora",)),
    Treaty(14668, 999, ("International Covenant on Civil and Political Rights",)),
    Treaty(14956, 1019, ("Convention on Psychotropic Substances",)),
    Treaty(18232, 1155, ("Vienna Convention on the Law of Treaties",)),
    Treaty(20378, 1249, ("Convention on the Elimination of All Forms of Discrimination against "
                         "Women",)),
    Treaty(24841, 1465, ("Convention against Torture and Other Cruel, Inhuman or Degrading "
                         "Treatment or Punishment",)),
    Treaty(27531, 1577, ("Convention on the Rights of the Child",)),
    Treaty(27531, 2171, ("Optional Protocol to the Convention on the Rights of the Child on the "
                         "sale of children, child prostitution and child pornography",)),
    Treaty(27531, 2173, ("Optional Protocol to the Convention on the Rights of the Child on the "
                         "involvement of children in armed conflict",)),
    Treaty(27531, 2983, ("Optional Protocol to the Convention on the Rights of the Child on a "
                         "communications procedure",)),
    Treaty(27627, 1582, ("United Nations Convention against Illicit Traffic in Narcotic Drugs "
                         "and Psychotropic Substances",)),
    Treaty(30619, 1760, ("Convention on Biological Diversity",)),
    Treaty(31363, 1833, ("United Nations Convention on the Law of the Sea",)),
    Treaty(37517, 2149, ("International Convention for the Suppression of Terrorist Bombings",)),
    Treaty(38349, 2178, ("International Convention for the Suppression of the Financing of "
                         "Terrorism",)),
    Treaty(38544, 2187, ("Rome Statute of the International Criminal Court",)),
    Treaty(39481, 2220, ("International Convention on the Protection of the Rights of All "
                         "Migrant Workers and Members of Their Families",)),
    Treaty(39574, 2225, ("United Nations Convention against Transnational Organized Crime",
                         "Organized Crime Convention")),
    Treaty(39574, 2237, ("Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
                         "Especially Women and Children",)),
    Treaty(39574, 2241, ("Protocol against the Smuggling of Migrants by Land, Sea and Air",)),
    Treaty(39574, 2326, ("Protocol against the Illicit Manufacturing of and Trafficking in "
                         "Firearms, Their Parts and Components and Ammunition",)),
    Treaty(40916, 2296, ("Convention on Cybercrime",)),
    Treaty(42146, 2349, ("United Nations Convention against Corruption",
                         "Convention against Corruption")),
    Treaty(44910, 2515, ("Convention on the Rights of Persons with Disabilities",)),
    Treaty(48088, 2716, ("International Convention for the Protection of All Persons from "
                         "Enforced Disappearance",)),
    Treaty(52373, 3013, ("Arms Trade Treaty",)),
)

ADOPTED_BY: tuple[Instrument, ...] = (
    Instrument("217 A (III)", ("Universal Declaration of Human Rights",)),
    Instrument("34/169", ("Code of Conduct for Law Enforcement Officials",)),
    Instrument("40/33", ("United Nations Standard Minimum Rules for the Administration of "
                         "Juvenile Justice (the Beijing Rules)",
                         "United Nations Standard Minimum Rules for the Administration of "
                         "Juvenile Justice", "Beijing Rules")),
    Instrument("40/34", ("Declaration of Basic Principles of Justice for Victims of Crime and "
                         "Abuse of Power",)),
    Instrument("43/173", ("Body of Principles for the Protection of All Persons under Any Form "
                          "of Detention or Imprisonment",)),
    Instrument("45/110", ("United Nations Standard Minimum Rules for Non-custodial Measures "
                          "(the Tokyo Rules)",
                          "United Nations Standard Minimum Rules for Non-custodial Measures",
                          "Tokyo Rules")),
    Instrument("45/112", ("United Nations Guidelines for the Prevention of Juvenile Delinquency "
                          "(the Riyadh Guidelines)",
                          "United Nations Guidelines for the Prevention of Juvenile Delinquency",
                          "Riyadh Guidelines")),
    Instrument("45/113", ("United Nations Rules for the Protection of Juveniles Deprived of their "
                          "Liberty",)),
    Instrument("55/2", ("United Nations Millennium Declaration",)),
    Instrument("60/1", ("2005 World Summit Outcome",)),
    Instrument("60/288", ("United Nations Global Counter-Terrorism Strategy",)),
    Instrument("61/295", ("United Nations Declaration on the Rights of Indigenous Peoples",)),
    Instrument("64/293", ("United Nations Global Plan of Action to Combat Trafficking in "
                          "Persons",)),
    Instrument("65/228", ("Updated Model Strategies and Practical Measures on the Elimination of "
                          "Violence against Women in the Field of Crime Prevention and Criminal "
                          "Justice",)),
    Instrument("65/229", ("United Nations Rules for the Treatment of Women Prisoners and "
                          "Non-custodial Measures for Women Offenders (the Bangkok Rules)",
                          "United Nations Rules for the Treatment of Women Prisoners and "
                          "Non-custodial Measures for Women Offenders", "Bangkok Rules")),
    Instrument("65/230", ("Salvador Declaration on Comprehensive Strategies for Global "
                          "Challenges: Crime Prevention and Criminal Justice Systems and Their "
                          "Development in a Changing World", "Salvador Declaration")),
    Instrument("67/187", ("United Nations Principles and Guidelines on Access to Legal Aid in "
                          "Criminal Justice Systems",)),
    Instrument("69/194", ("United Nations Model Strategies and Practical Measures on the "
                          "Elimination of Violence against Children in the Field of Crime "
                          "Prevention and Criminal Justice",)),
    Instrument("69/313", ("Addis Ababa Action Agenda of the Third International Conference on "
                          "Financing for Development", "Addis Ababa Action Agenda")),
    Instrument("70/1", ("Transforming our world: the 2030 Agenda for Sustainable Development",
                        "2030 Agenda for Sustainable Development")),
    Instrument("70/174", ("Doha Declaration on Integrating Crime Prevention and Criminal Justice "
                          "into the Wider United Nations Agenda to Address Social and Economic "
                          "Challenges and to Promote the Rule of Law at the National and "
                          "International Levels, and Public Participation", "Doha Declaration")),
    Instrument("70/175", ("United Nations Standard Minimum Rules for the Treatment of Prisoners "
                          "(the Nelson Mandela Rules)",
                          "United Nations Standard Minimum Rules for the Treatment of Prisoners",
                          "Nelson Mandela Rules")),
    Instrument("71/1", ("New York Declaration for Refugees and Migrants",)),
    Instrument("73/195", ("Global Compact for Safe, Orderly and Regular Migration",)),
    Instrument("76/181", ("Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and "
                          "the Rule of Law: Towards the Achievement of the 2030 Agenda for "
                          "Sustainable Development", "Kyoto Declaration")),
)


@dataclass(frozen=True)
class BodyReport:
    """Where a body's resolutions of a year are published, as a footnote cites them."""

    body: str
    """The body as ``references.py`` names it in a reference kind (``hrc``)."""
    name: str
    """The body's name, for messages."""
    symbol: re.Pattern[str]
    """The report's symbol; group ``year`` or ``session`` says which year it covers."""


BODY_REPORTS: tuple[BodyReport, ...] = (
    BodyReport("hrc", "Human Rights Council",
               re.compile(r"\bA/(?P<session>\d{2,3})/53(?:/Add\.\d{1,2})?\b")),
    BodyReport("ccpcj", "Commission on Crime Prevention and Criminal Justice",
               re.compile(r"\bE/(?P<year>(?:19|20)\d{2})/30(?:/Rev\.\d)?\b")),
    BodyReport("cnd", "Commission on Narcotic Drugs",
               re.compile(r"\bE/(?P<year>(?:19|20)\d{2})/28(?:/Rev\.\d)?\b")),
)

ASSEMBLY_FIRST_YEAR = 1945
"""The General Assembly's session N opens in September of the year 1945 + N."""


def treaty(number: int, volume: int | None) -> Treaty | None:
    """The table's treaty with this registration number (and volume, when given)."""
    same = [t for t in TREATIES if t.number == number]
    if volume is not None:
        exact = [t for t in same if t.volume == volume]
        if exact:
            return exact[0]
        # A later volume of the same registration (a protocol, an amendment) is not the
        # original text: without an entry for that volume, the table does not know it.
        return None
    return min(same, key=lambda t: t.volume) if same else None


def adopted_by(resolution: str) -> Instrument | None:
    """The instrument the table knows was adopted by ``resolution``."""
    return next((i for i in ADOPTED_BY if i.resolution == resolution), None)


def body_report(text: str) -> tuple[BodyReport, int] | None:
    """The body whose yearly report a note cites, and the year it covers."""
    if "Supplement No." not in text:
        return None
    for entry in BODY_REPORTS:
        match = entry.symbol.search(text)
        if match:
            if match.groupdict().get("session"):
                return entry, ASSEMBLY_FIRST_YEAR + int(match.group("session"))
            return entry, int(match.group("year"))
    return None
