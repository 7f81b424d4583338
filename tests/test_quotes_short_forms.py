"""Short forms, descriptions and relays (issue 7, third round): what a reader answers to "who
said this, and through which outlet?" when the copy names the speaker the short way.
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_an_organisations_short_form_is_its_full_name():
    quotes = _by_text(extract_quotes([
        "The couple was quarantined by the Chinese Center for Disease Control and Prevention in Beijing.",
        "The CDC said the risk of transmission to the public was extremely low.",
        "The Investigative Committee and the Federal Security Service (FSB) opened an inquiry on Monday.",
        "The FSB said the two explosions were not related to each other.",
        "The United States Department of State has said the envoy will not return.",
        "The State Department said the case had received intense attention at senior levels.",
    ]))
    assert quotes["the risk of transmission to the public was extremely low"].speaker == \
        "Chinese Center for Disease Control and Prevention"
    assert quotes["the two explosions were not related to each other"].speaker == "Federal Security Service"
    assert quotes["the case had received intense attention at senior levels"].speaker == \
        "United States Department of State"


def test_an_occupation_before_a_name_is_not_part_of_it():
    quotes = extract_quotes([
        "Broadcaster Piers Morgan commented, “The guy with the whale tusk is a Polish chef named Lukasz.”",
    ])
    assert [(q.speaker, q.role) for q in quotes] == [("Piers Morgan", None)]


def test_a_description_refers_back_to_the_person_or_company_named_before():
    quotes = _by_text(extract_quotes([
        ("“I urge the international community to enforce a no-fly zone,” Samaritan's Purse president Franklin "
        "Graham said in a press release."),
        "“We need to make it clear that attacks on innocent people will not be tolerated,” the evangelist said.",
        "Microsoft on Wednesday released an emergency patch for Internet Explorer.",
        "The US software giant said the update fixes a flaw that criminals can exploit.",
    ]))
    assert quotes["We need to make it clear that attacks on innocent people will not be tolerated"].speaker == \
        "Franklin Graham"
    assert quotes["the update fixes a flaw that criminals can exploit"].speaker == "Microsoft"


def test_a_reporter_named_with_their_outlet_relays_it():
    quotes = _by_text(extract_quotes([
        ("As Emily Feng reports for NPR, authorities in Beijing announced that two infected people sought "
        "treatment at a hospital in the capital."),
        ("But according to NPR's Feng, Li Jifeng, a doctor at Chaoyang Hospital, wrote in a blog post that the "
         "couple had been transported to the facility nine days earlier."),
    ]))
    assert quotes["two infected people sought treatment at a hospital in the capital"].via == "NPR"
    q = quotes["the couple had been transported to the facility nine days earlier"]
    assert (q.speaker, q.via) == ("Li Jifeng", "NPR")


def test_only_an_outlet_relays():
    quotes = _by_text(extract_quotes([
        "A total of 39 are confirmed dead, officials told state media.",
        "One news site, Znak.com, claims the blast was no accident.",
        "The website further reported its source said a fourth man escaped and remains wanted.",
        "The mayor said the bridge would reopen on Monday, the city council reported.",
        "The mayor said the tunnel would stay shut until June, the Herald reported.",
        "Residents told the press the officers said they were looking for a bomb.",
    ]))
    assert quotes["A total of 39 are confirmed dead"].via == "state media"
    assert quotes["a fourth man escaped and remains wanted"].via == "Znak.com"
    assert quotes["the bridge would reopen on Monday"].via is None  # a council is not an outlet
    assert quotes["the tunnel would stay shut until June"].via == "Herald"
    assert quotes["the officers said they were looking for a bomb"].via is None  # "the press" is no channel


def test_a_conversation_with_an_outlet_stated_without_a_quote_covers_what_follows():
    quotes = extract_quotes([
        ("Sonya Zoghlin, Carlineo's attorney, told The Hill in a statement that her client did not intend "
        "to cause harm."),
        "“Pat Carlineo is passionate about his political beliefs,” Zoghlin said.",
        "In a News.com.au report, retail expert Gary Mortimer said the stores fill the stock every night.",
    ])
    relays = {q.text.rstrip(",. "): (q.speaker, q.via) for q in quotes}
    speaker, via = relays["Pat Carlineo is passionate about his political beliefs"]
    assert (speaker, via.removeprefix("The ")) == ("Sonya Zoghlin", "Hill")  # names keep no leading article
    assert relays["the stores fill the stock every night"] == ("Gary Mortimer", "News.com.au")
