"""Who said it, in the shapes the sixth round of work was about: statements given to or
obtained by an outlet, a quote that goes on after reported speech, bodies and companies under
their full names ("Russia's foreign ministry", "France Telecom SA", "the United Nations High
Commissioner for Human Rights"), and companies the tagger takes for people.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this, and to which outlet?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.entities import entities_of
from newsdesk.analyze.quotes import extract_quotes


def test_a_statement_to_an_outlet_or_obtained_by_one_is_relayed_by_it():
    quotes = _by_text(extract_quotes([
        "On Monday, Big Machine Records issued a statement about the awards show.",
        "The statement, which was obtained by Variety, claimed that the two companies had “come to terms on a "
        "licensing agreement.”",
        "Dick Clark Productions denied that it had settled on an arrangement with the music label.",
        "“At no time did Dick Clark Productions agree to a statement in partnership with Big Machine,” the "
        "production company said in a separate statement to Rolling Stone.",
    ]))
    assert quotes["come to terms on a licensing agreement"].via == "Variety"
    said = quotes["At no time did Dick Clark Productions agree to a statement in partnership with Big Machine"]
    assert said.via == "Rolling Stone"
    assert said.speaker == "Dick Clark Productions"


def test_a_statement_to_a_body_or_a_person_is_no_relay():
    quotes = _by_text(extract_quotes([
        "“We have no comment,” the minister said in a statement to Parliament.",
        "“We are sad,” Jane Smith said in a statement to John Brown.",
    ]))
    assert quotes["We have no comment"].via is None
    assert quotes["We are sad"].via is None


def test_a_quote_after_reported_speech_goes_on_with_its_speaker_and_outlet():
    quotes = _by_text(extract_quotes([
        "Swift's representative told Fox News that this, too, was not the whole truth. “Big Machine is trying "
        "to deflect and make this about money by saying she owes them.”",
    ]))
    q = quotes["Big Machine is trying to deflect and make this about money by saying she owes them"]
    assert q.speaker == quotes["this, too, was not the whole truth"].speaker
    assert q.speaker and "representative" in q.speaker
    assert q.via == "Fox News"


def test_bodies_and_companies_keep_their_full_names():
    quotes = _by_text(extract_quotes([
        "Russia's foreign ministry said it viewed the move as “another measure contradicting” the peace deal.",
        "The United Nations High Commissioner for Human Rights said the decision did “not modify existing "
        "international law”.",
        "France Telecom SA, which plans to send a maintenance boat, said service should be back by Dec. 31.",
        "France Telecom said one of its maintenance boats in the Mediterranean area is headed to the site.",
        "The Secretary of State said the talks would go on.",
    ]))
    assert quotes["another measure contradicting"].speaker == "Russia's foreign ministry"
    assert quotes["not modify existing international law"].speaker == \
        "United Nations High Commissioner for Human Rights"
    assert quotes["one of its maintenance boats in the Mediterranean area is headed to the site"].speaker == \
        "France Telecom SA"
    assert quotes["the talks would go on"].speaker == "Secretary of State"


def test_a_person_of_a_place_is_not_renamed_after_it():
    quotes = _by_text(extract_quotes([
        "Cardinal Marc Ouellet of the Holy See said “We have said for years that priests should follow "
        "certain strict rules.”",
    ]))
    assert quotes["We have said for years that priests should follow certain strict rules"].speaker == \
        "Marc Ouellet"


def test_a_company_the_tagger_takes_for_a_person_is_an_organisation():
    ents = {e.name: e.kind for e in entities_of(
        "Dick Clark Productions denied that it had settled on an arrangement with Big Machine Records. "
        "Dick Clark Productions said any agreement must be made with Taylor Swift's management team.")}
    assert ents.get("Dick Clark Productions") == "org"
    assert ents.get("Taylor Swift") == "person"


def test_quoted_as_saying_by_an_outlet_is_the_person_through_the_outlet():
    quotes = _by_text(extract_quotes([
        "“I am very sure it will be considered... we take it very, very seriously,” Gabriela Shalev, Israel's "
        "ambassador to the UN, was quoted as saying by Reuters.",
        "Dr. Tom Frieden spoke on Monday. He said, in remarks published by CNN in February, “other than "
        "influenza, no other respiratory virus has been tracked from emergence to continuous global spread.”",
    ]))
    q = quotes["I am very sure it will be considered... we take it very, very seriously"]
    assert (q.speaker, q.via) == ("Gabriela Shalev", "Reuters")
    q = quotes["other than influenza, no other respiratory virus has been tracked from emergence to continuous "
               "global spread"]
    assert (q.speaker, q.via) == ("Tom Frieden", "CNN")


def test_the_outlet_and_this_website_are_the_outlet_named_before():
    quotes = _by_text(extract_quotes([
        "Scooter Braun is allegedly unhappy with his partner, according to a new report by E! News.",
        "“Scooter is frustrated because his name is being dragged in the mud,” an insider told the outlet on "
        "Monday. “He doesn't run Big Machine.”",
        "Christopher Gunness, spokesman for the UN Relief and Works Agency, described the situation on the "
        "ground to the EUobserver.",
        "“It's impossible to do our jobs,” Gunness said.",
        "The Israeli ambassador to the EU told this website that talks would go on next week in Brussels.",
    ]))
    assert quotes["Scooter is frustrated because his name is being dragged in the mud"].via == "E! News"
    assert quotes["He doesn't run Big Machine"].via == "E! News"
    assert quotes["It's impossible to do our jobs"].via == "EUobserver"
    assert quotes["talks would go on next week in Brussels"].via == "EUobserver"


def test_a_tokenised_closing_mark_before_the_name_closes_the_quote():
    quotes = _by_text(extract_quotes([
        "\"The information we have is a bit sketchy, but chances are that it will have been an anchor again, "
        "\"Jonathan Wright, Interoute's director of wholesale products, said in a telephone interview.",
        "\"Close to 90 percent of all the data traffic between Europe and the Middle East is carried on these "
        "three cable systems.\"",
    ]))
    q = quotes["The information we have is a bit sketchy, but chances are that it will have been an anchor again"]
    assert q.speaker == "Jonathan Wright"
    assert quotes["Close to 90 percent of all the data traffic between Europe and the Middle East is carried on "
                  "these three cable systems"].speaker == "Jonathan Wright"


def test_papers_named_like_the_sun_or_ndtv_are_outlets_not_speakers():
    quotes = _by_text(extract_quotes([
        "NDTV stated that the elephant had eaten a coconut filled with firecrackers.",
        "The Vancouver Sun reported that other employees of the company escaped unharmed.",
        "“We are devastated,” the victim's brother told the Toronto Star.",
    ]))
    assert "the elephant had eaten a coconut filled with firecrackers" not in quotes
    assert "other employees of the company escaped unharmed" not in quotes
    assert quotes["We are devastated"].via == "Toronto Star"


def test_the_statement_speaks_for_the_body_that_issued_it():
    quotes = _by_text(extract_quotes([
        "Two United States service members have been killed in a helicopter crash in Afghanistan, the US "
        "military said in a statement on Wednesday.",
        "“The cause of the crash is under investigation, however preliminary reports do not indicate it was "
        "caused by enemy fire,” the statement said.",
    ]))
    assert quotes["The cause of the crash is under investigation, however preliminary reports do not indicate it "
                  "was caused by enemy fire"].speaker == "US military"


def test_a_body_named_before_its_statement_is_the_speaker():
    quotes = _by_text(extract_quotes([
        "A Defence Ministry statement said the frigate was on anti-piracy patrol when it received a distress "
        "call. The statement said commandos boarded the larger pirate boat.",
        "A police statement said the man was arrested at the scene on Friday night.",
        "A Facebook post said the school would stay closed until further notice.",
    ]))
    assert quotes["the frigate was on anti-piracy patrol when it received a distress call"].speaker == \
        "Defence Ministry"
    assert quotes["commandos boarded the larger pirate boat"].speaker == "Defence Ministry"
    assert quotes["the man was arrested at the scene on Friday night"].speaker == "police"
    assert quotes["the school would stay closed until further notice"].speaker != "Facebook"


def test_it_issuing_a_statement_that_it_then_quotes_gives_a_result():
    # 'it' asks for the issuer of the statement, whose subject is 'it' again: this once recursed forever
    quotes = _by_text(extract_quotes([
        "The Israeli military said the school had been hit by mortar fire.",
        "In a statement released by spokesman Captain Benjamin Rutland, it said it had incontrovertible evidence "
        "to support its version of events.",
        "“This is not the first time that Hamas has fired mortars from schools,” the statement said.",
    ]))
    assert "it had incontrovertible evidence to support its version of events" in quotes
    assert "This is not the first time that Hamas has fired mortars from schools" in quotes


def test_a_titled_person_the_tagger_takes_for_an_organisation_is_a_person():
    quotes = _by_text(extract_quotes([
        "Homicide Detective Dominic Mangoni, testifying Tuesday at Hiller's preliminary hearing, said he asked "
        "how she felt just hours after the shootings.",
    ]))
    assert quotes["he asked how she felt just hours after the shootings"].speaker == "Dominic Mangoni"


def test_what_someone_was_asked_or_how_something_happened_is_a_topic_not_a_statement():
    quotes = _by_text(extract_quotes([
        "When asked by the prosecution to recall what he was asked before coming to court, Elijah Coleman said "
        "it was to tell the truth.",
        "Shondell McAllister explained how she and her four children moved to Albany from Guyana in January 2007 "
        "and to First Street in September of that year.",
        "The doctor said that, what's more, there are many variations of the disease in farm workers.",
    ]))
    assert not any(t.startswith(("what he was asked", "how she and her four children")) for t in quotes)
    assert any("there are many variations of the disease in farm workers" in t for t in quotes)


def test_a_person_the_tagger_takes_for_a_place_or_organisation_keeps_the_full_name():
    quotes = _by_text(extract_quotes([
        "The November 4 issue of Magyar Nemzet published an interview with Gáspár Maróth, the Hungarian "
        "Government commissioner responsible for defence, in which the deal was announced.",
        "While not naming any other bidders, Maróth said the Hungarian bid won after lengthy negotiations.",
    ]))
    assert quotes["the Hungarian bid won after lengthy negotiations"].speaker == "Gáspár Maróth"


def test_a_short_company_name_is_the_company_not_a_headline_phrase():
    quotes = _by_text(extract_quotes([
        "Kraft Shooting: Yvonne Hiller Charged With Two Counts Of Murder",
        "A Kraft Foods plant worker who had been suspended for feuding with colleagues returned minutes later "
        "with a handgun, police said Friday.",
        "Police said the shooting began minutes after she was escorted from the building.",
        "The plant will remain closed indefinitely, Kraft said.",
    ]))
    assert quotes["The plant will remain closed indefinitely"].speaker == "Kraft Foods"


def test_a_described_speaker_goes_by_the_description_and_keeps_it_whole_as_the_role():
    quotes = _by_text(extract_quotes([
        "A spokesperson for the British Foreign Office reiterated that the settlements “are illegal under "
        "international law”.",
        "Johnson's critics said this is a ploy to achieve a no-deal Brexit.",
        "Eric Holcomb's office said he was keeping long-standing plans to travel to Florida.",
    ]))
    q = quotes["are illegal under international law"]
    assert (q.speaker, q.role) == ("spokesperson", "spokesperson for the British Foreign Office")
    assert quotes["this is a ploy to achieve a no-deal Brexit"].speaker == "critics"
    assert quotes["he was keeping long-standing plans to travel to Florida"].speaker == "Eric Holcomb's office"


def test_an_outlet_named_with_a_hyphen_or_run_into_the_clause_keeps_its_own_name():
    quotes = _by_text(extract_quotes([
        "In remarks to the Agence France-Presse news service, Sheldon Yett of UNICEF observed, “I've seen mass "
        "mobilisation campaigns before, but not over an entire country like this.”",
        "Earlier this year, Tom Johnston told Billboard the Doobies have been in the studio with producer John "
        "Shanks, creating five songs for an EP.",
    ]))
    assert quotes["I've seen mass mobilisation campaigns before, but not over an entire country like this"].via \
        == "Agence France-Presse"
    assert quotes["the Doobies have been in the studio with producer John Shanks, creating five songs for an EP"
                  ].via == "Billboard"


def test_an_interview_an_outlet_published_relays_that_persons_later_words():
    quotes = _by_text(extract_quotes([
        "On Monday, Hungarian daily newspaper Magyar Nemzet revealed a deal to buy the company.",
        "The November 4 issue of Magyar Nemzet published an interview with Gáspár Maróth, the Hungarian "
        "Government commissioner responsible for defence, in which the deal was announced.",
        "While not naming any other bidders, Maróth said the Hungarian bid won after lengthy negotiations.",
    ]))
    q = quotes["the Hungarian bid won after lengthy negotiations"]
    assert (q.speaker, q.via) == ("Gáspár Maróth", "Magyar Nemzet")


def test_a_statement_which_said_speaks_for_whoever_released_it():
    quotes = _by_text(extract_quotes([
        "Facebook released a statement which read, in part, “This judgment raises critical questions around "
        "freedom of expression and the role that internet companies should play.”",
    ]))
    assert quotes["This judgment raises critical questions around freedom of expression and the role that "
                  "internet companies should play"].speaker == "Facebook"


def test_a_one_word_exclamation_with_its_speaker_is_a_quote_and_the_next_goes_on():
    quotes = _by_text(extract_quotes([
        "Seven of the assists came on baskets by Anthony Davis.",
        "“Amazing,” Davis said. “To be able to do that against every team is something special.”",
        "The band will play “Takin’ It To the Streets,” Pat Simmons said.",
    ]))
    assert quotes["Amazing"].speaker == "Anthony Davis"
    assert quotes["To be able to do that against every team is something special"].speaker == "Anthony Davis"
    assert "Takin’ It To the Streets" not in quotes


def test_in_the_words_of_someone_introduces_their_quote():
    quotes = _by_text(extract_quotes([
        "The man returned with worsening breathlessness.",
        "Here is how bad things got in the words of the patient: “Two months after the onset of the symptoms, "
        "I was unable to stand or walk for more than a few minutes.”",
    ]))
    assert quotes["Two months after the onset of the symptoms, I was unable to stand or walk for more than a few "
                  "minutes"].speaker == "patient"


def test_outlet_names_the_tagger_runs_on_or_cuts_short():
    quotes = _by_text(extract_quotes([
        "Patrick Carlineo told The Associated Press that Carlineo never intended to harm Omar.",
        "Speaking on al-Masirah TV in Yemen, military spokesperson Yahya Sarea said it had carried out the attack "
        "using ten drones.",
        "“Prince Andrew is not entitled to any form of immunity,” said one legal expert, as reported by the "
        "Independent newspaper.",
        "The EU has also warned Israel that the offensive was tarnishing its image, German news agency DPA reports.",
    ]))
    assert quotes["Carlineo never intended to harm Omar"].via == "Associated Press"
    assert quotes["it had carried out the attack using ten drones"].via == "al-Masirah TV"
    q = quotes["Prince Andrew is not entitled to any form of immunity"]
    assert (q.speaker, q.via) == ("legal expert", "Independent")
    assert quotes["the offensive was tarnishing its image"].via == "DPA"


def test_a_spaced_hyphen_in_tokenised_text_is_one_name():
    quotes = _by_text(extract_quotes([
        "Dominique Strauss - Kahn spoke on Monday.",
        "\"I completely understand the Greek populations' anger, \" Strauss - Kahn said.",
    ]))
    assert quotes["I completely understand the Greek populations' anger"].speaker == "Dominique Strauss-Kahn"


def test_an_indefinite_description_is_someone_new_and_the_army_is_the_one_named_before():
    quotes = _by_text(extract_quotes([
        "The Israeli army said the UN school in the Jabaliya refugee camp was hit when troops responded to a "
        "mortar attack.",
        "UNRWA spokesman Christopher Gunness said the school was clearly marked.",
        "An Israeli army spokesman said he had no information about the incident.",
        "The army said it was checking the report.",
    ]))
    assert quotes["he had no information about the incident"].speaker != "Christopher Gunness"
    assert quotes["it was checking the report"].speaker == "Israeli army"


def test_the_police_are_a_body_not_the_one_officer_with_a_police_title():
    quotes = _by_text(extract_quotes([
        "Chris Tang, Hong Kong’s new police commissioner, said in an interview that police alone are not able "
        "to end the violence.",
        "The city’s police deny accusations of brutality and say they show utmost restraint.",
    ]))
    assert quotes["they show utmost restraint"].speaker != "Chris Tang"
    assert "police" in quotes["they show utmost restraint"].speaker


def test_a_name_the_tagger_cut_short_is_whole():
    quotes = _by_text(extract_quotes([
        "According to Chief Superintendent Graciano Mijares of the regional police, the confirmed deaths are "
        "fourteen civilians. Mijares further claimed 90 civilians were wounded.",
        "Arnel dela Vega of the army's Western Mindanao Command said the Abu Sayyaf Group are the suspected "
        "perpetrators.",
    ]))
    assert quotes["90 civilians were wounded"].speaker == "Graciano Mijares"
    assert quotes["the Abu Sayyaf Group are the suspected perpetrators"].speaker == "Arnel dela Vega"


def test_via_an_outlet_or_its_reporter_relays_and_a_post_abbreviation_is_no_name():
    quotes = _by_text(extract_quotes([
        "Browns DL Sheldon Richardson decided to weigh in on Monday, saying that Rudolph should be disciplined "
        "by the league for his role in the fight.",
        "Richardson, via USA Today, said that Rudolph “can't antagonize a fight and then claim bullying.”",
        "“The most important thing is we lost that game,” Cam Heyward said, via Brian Batko of the Pittsburgh "
        "Post-Gazette.",
    ]))
    assert quotes["Rudolph should be disciplined by the league for his role in the fight"].speaker == \
        "Sheldon Richardson"
    assert quotes["can't antagonize a fight and then claim bullying"].via == "USA Today"
    assert quotes["The most important thing is we lost that game"].via == "Pittsburgh Post-Gazette"


def test_post_nominals_longer_company_names_and_contacted_by_an_outlet():
    quotes = _by_text(extract_quotes([
        "The US Department of Justice is investigating Ford Motor Company over its emissions tests.",
        "Ford said the investigation does not involve the use of defeat devices.",
        "Prosecutor Kama Melly QC said the men appear not to have shown any respect for the minimum standards "
        "of decency.",
        "“We received an inquiry from the office of the attorney general and are cooperating in the matter,” "
        "said a WeWork spokesperson when contacted by Reuters.",
    ]))
    assert quotes["the investigation does not involve the use of defeat devices"].speaker == "Ford Motor Company"
    assert quotes["the men appear not to have shown any respect for the minimum standards of decency"].speaker == \
        "Kama Melly"
    assert quotes["We received an inquiry from the office of the attorney general and are cooperating in the "
                  "matter"].via == "Reuters"


def test_a_lower_case_body_the_tagger_calls_an_organisation_keeps_its_owner():
    quotes = _by_text(extract_quotes([
        "China's commerce ministry said removing tariffs imposed during the trade war is an important condition "
        "for any deal.",
        "The commerce ministry said talks would continue next week in Beijing.",
    ]))
    assert quotes["removing tariffs imposed during the trade war is an important condition for any deal"].speaker \
        == "China's commerce ministry"
    assert quotes["talks would continue next week in Beijing"].speaker == "China's commerce ministry"
