# Die Offerte an den Kunden: ihre festen Formulierungen (Deutsch, Schweiz:
# "ss" statt "ß", Beträge als CHF 1'234.50). Jede Meldung hat ihren
# englischen Zwilling mit derselben Id in ../en/proposal.ftl. Beträge und
# Daten kommen bereits formatiert an (src/i18n/format.rs).

title = Offerte für { $customer }
title-option = Offerte für { $customer }: { $option }
undated = ohne Datum

kicker = Offerte

## Deckblatt

cover-customer = Kunde
cover-contact = Kontakt
cover-engineer = Ihr Kontakt bei VSHN
cover-date = Datum
cover-prices = Preise

## Abschnitte

section-summary = Zusammenfassung
section-need = Ihre Anforderungen
section-solution = Vorgeschlagene Lösung
section-bill = Leistungsübersicht
section-plan = Plan bis zum Go-live
section-service-levels = Service-Levels
section-responsibilities = Verantwortlichkeiten
section-assumptions = Annahmen
section-out-of-scope = Nicht im Umfang und Abgrenzungen
section-good-to-know = Gut zu wissen
section-open-questions = Offene Fragen
section-comparison = Varianten im Vergleich
section-next-steps = Nächste Schritte

## Zusammenfassung

summary-price = Preis
summary-service-level = Service-Level
summary-go-live = Go-live
summary-open = Noch offen
summary-nothing-open = nichts: Alle Fragen sind beantwortet, und keine Grenze wird überschritten
summary-totals-monthly = { $monthly } pro Monat, keine einmaligen Kosten
summary-totals-once = { $once } einmalig, keine monatlichen Kosten
summary-totals-both = { $monthly } pro Monat und { $once } einmalig
summary-not-in-totals = nicht in diesen Totalen: { $items }
summary-availability = { $percent } % Verfügbarkeit pro Monat ({ $component })
summary-support = Support { $hours } ({ $component })
summary-go-live-too-early = { $go_live }, frühestens; { $too_early }
summary-open-questions = { $count ->
    [one] 1 Frage noch offen (siehe «{ $section }»)
   *[other] { $count } Fragen noch offen (siehe «{ $section }»)
}

## Bereiche und Service-Levels

group-platform = Plattform
group-data-services = Datendienste
group-operations = Betrieb und Support
group-engineering = Engineering
group-partners = Partnerleistungen
hours-office-hours = Bürozeiten
hours-extended = erweitert (werktags 07:00–22:00)
hours-24x7 = 24/7
no-guarantee = keine Garantie
percent-per-month = { $percent } % pro Monat

## Plan bis zum Go-live

plan-with-order = Mit der Bestellung
plan-week = Woche { $week }
plan-weeks = Wochen { $from }–{ $to }
plan-who-both = Sie und VSHN
plan-who-vshn = VSHN
plan-who-developers = VSHN und Ihre Entwickler
plan-who-you = Sie
plan-order = Bestellung
plan-order-signed = Der Vertrag ist unterzeichnet.
plan-order-signed-confirm = Der Vertrag ist unterzeichnet, sobald die Punkte unter Vorbehalt unserer Bestätigung geklärt sind.
plan-setup = Einrichtung
plan-engineering = Engineering (AppFlow)
plan-engineering-detail = { $names }: { $days } Engineering-Tage, sobald die Plattform bereit ist
plan-engineering-during-setup = { $names }: { $days } Engineering-Tage, während der Einrichtung
plan-engineering-days = { $names }: { $days } Engineering-Tage
plan-onboarding = Onboarding in den Betrieb
plan-onboarding-detail = { $names }: Monitoring, Alarmierung und Runbooks, vor dem Go-live
plan-you-deliver = Sie liefern
plan-go-live = Go-live
plan-about = , etwa am { $date }
plan-go-live-week = Woche { $week } nach der Bestellung{ $dated }
plan-earliest = Frühester Go-live: Woche { $week } nach der Bestellung{ $dated }
plan-too-early = { $weeks ->
    [one] der gewünschte Go-live in { $weeks } Woche ist zu früh
   *[other] der gewünschte Go-live in { $weeks } Wochen ist zu früh
}
plan-note = Die Wochen zählen ab Ihrer Bestellung; die Daten gehen von einer Bestellung am Datum dieser Offerte aus. Die Dauern sind Planungswerte und werden mit dem verbindlichen Angebot bestätigt.
col-when = Wann
col-who = Wer
col-step = Schritt
col-what = Was

## Tabellen

col-part = Bereich
col-component = Komponente
col-plan = Plan
col-provider = Anbieter
col-quantity = Menge
col-monthly = Monatlich ({ $currency })
col-one-time = Einmalig ({ $currency })
col-note = Bemerkung
col-availability = Verfügbarkeit
col-support-hours = Supportzeiten
col-response-time = Reaktionszeit
col-backups = Backups
col-maintenance = Wartung
col-provider-part = Teil des Anbieters
col-customer-part = Teil des Kunden
col-partner-part = Teil des Partners
total = Total

## Sätze der Abschnitte

no-answers = Noch keine Antworten.
no-items = Noch keine Komponenten: Beantworten Sie weitere Fragen.
delivered-by = geliefert von
lead-time = { $weeks ->
    [one] (Vorlaufzeit { $weeks } Woche)
   *[other] (Vorlaufzeit { $weeks } Wochen)
}
bill-valid-until = Alle Preise in { $currency }, { $vat }. Gültig bis { $date }.
bill-valid-for = Alle Preise in { $currency }, { $vat }. Gültig während { $days } Tagen ab dem Datum dieser Offerte.
no-service-levels = Noch gelten keine Service-Levels.
no-responsibilities = Noch keine Verantwortlichkeiten erfasst.
none-crossed = Alles Gewünschte ist Teil unseres Angebots.
no-open-questions = Keine: Alle Fragen sind beantwortet.
instead = Was wir stattdessen vorschlagen
once-confirmed = Was Sie gewünscht haben, sobald wir es bestätigt haben; andernfalls eine Alternative, die wir mit Ihnen vereinbaren.
comparison-note = Fett gedruckte Zeilen unterscheiden sich zwischen den Varianten. Die Preise sind Richtwerte, wo oben so bezeichnet.

## Abgrenzungen

boundary-out-of-scope = Nicht Teil unseres Angebots
boundary-needs-approval = Unter Vorbehalt unserer Bestätigung
boundary-needs-partner = Von einem Partner geliefert
boundary-needs-engineering = Engineering-Aufwand zu schätzen
compare-out-of-scope = nicht Teil unseres Angebots
compare-needs-approval = unter Vorbehalt der Bestätigung
compare-needs-partner = durch einen Partner
compare-needs-engineering = Engineering zu schätzen
compare-note = Hinweis

## Varianten im Vergleich

compare-totals = Totale
compare-monthly = Monatlich
compare-one-time = Einmalig
compare-components = Komponenten
compare-service-levels = Service-Levels
compare-boundaries = Abgrenzungen
compare-per-month = { $plan }, { $amount } pro Monat
compare-once = { $plan }, { $amount } einmalig

## Annahmen

assume-prices = Die Preise verstehen sich in { $currency }, { $vat }. Monatliche Preise fallen jeden Monat an; einmalige Preise werden einmal verrechnet.
assume-indicative = Mit «{ $indicative }» bezeichnete Beträge sind Planungswerte, keine verbindlichen Preise; das verbindliche Angebot bestätigt sie.
assume-no-price = Ohne Preis in dieser Schätzung: { $items }. Die Totale enthalten sie nicht.
assume-sized = Die Schätzung ist dimensioniert für { $sizes }.
assume-prod-memory = { $amount } { $unit } Arbeitsspeicher in der Produktion{ $assumed }
assume-nonprod-memory = { $amount } { $unit } in { $envs }{ $assumed }
assume-assumed = { " " }(angenommen)
assume-the-nonprod = der Nicht-Produktionsumgebung
assume-each-nonprod = jeder der { $count } Nicht-Produktionsumgebungen
assume-service-levels = Mit «{ $indicative }» bezeichnete Service-Levels sind bis zum verbindlichen Angebot Planungswerte.
assume-open = Wo eine Frage noch offen ist, beruhen Mengen und Preise auf Planungswerten, bis sie beantwortet ist.
assume-partners = Partnerleistungen werden zu den eigenen Bedingungen und Service-Levels des Partners erbracht.
assume-valid-until = Diese Offerte ist gültig bis { $date } ({ $days } Tage ab ihrem Datum).
assume-valid-for = Diese Offerte ist während { $days } Tagen ab ihrem Datum gültig.

## Nächste Schritte

next-open = { $count ->
    [one] Beantworten Sie die offene Frage oben, damit wir Mengen und Preise bestätigen können.
   *[other] Beantworten Sie die { $count } offenen Fragen oben, damit wir Mengen und Preise bestätigen können.
}
next-out-of-scope = Wir einigen uns auf die vorgeschlagenen Alternativen für das, was nicht Teil unseres Angebots ist.
next-confirm = Wir bestätigen die Punkte «unter Vorbehalt unserer Bestätigung» mit den zuständigen Teams.
next-engineering = Wir schätzen den Engineering-Aufwand gemeinsam mit Ihren Entwicklern.
next-partners = { $count ->
    [one] Wir stellen Ihnen den in dieser Offerte genannten Partner vor ({ $partners }) und holen sein Angebot ein.
   *[other] Wir stellen Ihnen die in dieser Offerte genannten Partner vor ({ $partners }) und holen ihre Angebote ein.
}
next-partner = Wir stellen Ihnen einen Partner für die Teile vor, die ein Partner liefert.
next-offer-before = Wir machen aus dieser Offerte ein verbindliches Angebot mit bestätigten Preisen; bitte melden Sie sich vor dem { $date }.
next-offer = Wir machen aus dieser Offerte ein verbindliches Angebot mit bestätigten Preisen.
next-plan = Nach Ihrer Bestellung folgen wir dem Plan bis zum Go-live: Go-live in Woche { $week }.
next-engineer = { $name }{ $reach } von VSHN ist Ihr Kontakt für alle Fragen und vereinbart den nächsten Termin{ $with }.
next-engineer-with = { " " }mit { $contact }

## Leistungsübersicht (CSV): die Kopfzeile

csv-part = Bereich
csv-component = Komponente
csv-plan = Plan
csv-provider = Anbieter
csv-quantity = Menge
csv-monthly = Monatlich
csv-one-time = Einmalig
csv-currency = Währung
csv-note = Bemerkung

## OpenSLO-Beschreibungen

slo-service = Mit { $customer } vereinbarte Service-Levels, exportiert von nunki (Wissensstand { $version }).
slo-indicator = Anteil der minütlichen Messungen im Monat, bei denen { $component } erfolgreich geantwortet hat, gemessen vom Monitoring von VSHN; Wartung im vereinbarten Fenster ausgenommen.
slo-objective = { $percent } % Verfügbarkeit pro Kalendermonat für { $component } ({ $plan }).
slo-objective-indicative = { $percent } % Verfügbarkeit pro Kalendermonat für { $component } ({ $plan }), { $indicative }.
slo-availability-of = Verfügbarkeit von { $component }
page-of = Seite { $page } von { $count }
