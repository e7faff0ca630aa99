# Feste Formulierungen der Bildschirme und aller Exporte (Deutsch, Schweiz:
# "ss" statt "ß"). Jede Meldung hat ihren englischen Zwilling mit derselben
# Id in ../en/common.ftl.

language-name = Deutsch

## Datum: die lange Form, "2. Dezember 2026"

date-long = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Preise

excl-vat = exkl. MWST
valid-until = Gültig bis
indicative = Richtwert, zu bestätigen
price-on-request = Preis auf Anfrage
basis-included = inbegriffen
basis-on-request = auf Anfrage
basis-by-provider = vom Anbieter verrechnet
basis-customers-own = Eigentum des Kunden
not-in-totals = nicht im Total: { $parts }
not-in-totals-sentence = Nicht im Total: { $parts }.

## Antworten in Worten

answer-yes = ja
answer-no = nein
answer-none = keine
not-answered = (nicht beantwortet)
weeks = { $count ->
    [one] { $count } Woche
   *[other] { $count } Wochen
}
budget-converted = { $currency } { $amount } (rund { $own } { $converted } zum Kurs von { $rate } vom { $date })

## Hinweise, die die Auswertung selbst auslöst

stale-overrides-title = Manuelle Ergänzungen nicht mehr im Katalog
stale-overrides-detail = Diese Angebote wurden von Hand ergänzt, sind aber nicht mehr im Katalog: { $offerings }.
