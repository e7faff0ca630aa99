# The customer's proposal: its fixed wording (English). Each message has
# its German twin in ../de/proposal.ftl. Amounts and dates arrive already
# formatted (src/i18n/format.rs); Fluent only places them.

title = Scoped proposal for { $customer }
title-option = Scoped proposal for { $customer }: { $option }
undated = undated

kicker = Scoped proposal

## The cover

cover-customer = Customer
cover-contact = Contact
cover-engineer = Your contact at VSHN
cover-date = Date
cover-prices = Prices

## Section titles

section-summary = Summary
section-need = Your needs
section-solution = Proposed solution
section-bill = Bill of materials
section-plan = Plan to go-live
section-service-levels = Service levels
section-responsibilities = Responsibilities
section-assumptions = Assumptions
section-out-of-scope = Out of scope and boundaries
section-good-to-know = Good to know
section-open-questions = Open questions
section-comparison = Options compared
section-next-steps = Next steps

## Summary

summary-price = Price
summary-service-level = Service level
summary-go-live = Go-live
summary-open = Still open
summary-nothing-open = nothing: every question is answered and no boundary is crossed
summary-totals-monthly = { $monthly } per month, no one-time costs
summary-totals-once = { $once } one-time, no monthly costs
summary-totals-both = { $monthly } per month and { $once } one-time
summary-not-in-totals = not in these totals: { $items }
summary-availability = { $percent } % availability per month ({ $component })
summary-support = support { $hours } ({ $component })
summary-go-live-too-early = { $go_live }, at the earliest; { $too_early }
summary-open-questions = { $count ->
    [one] 1 question still open (see “{ $section }”)
   *[other] { $count } questions still open (see “{ $section }”)
}

## Groups and service levels

group-platform = Platform
group-data-services = Data services
group-operations = Operations and support
group-engineering = Engineering
group-partners = Partner services
hours-office-hours = office hours
hours-extended = extended (07:00–22:00 weekdays)
hours-24x7 = 24/7
no-guarantee = no guarantee
percent-per-month = { $percent } % per month

## Plan to go-live

plan-with-order = With the order
plan-week = Week { $week }
plan-weeks = Weeks { $from }–{ $to }
plan-who-both = You and VSHN
plan-who-vshn = VSHN
plan-who-developers = VSHN and your developers
plan-who-you = You
plan-order = Order
plan-order-signed = The contract is signed.
plan-order-signed-confirm = The contract is signed, once the points subject to our confirmation are settled.
plan-setup = Setup
plan-engineering = Engineering (AppFlow)
plan-engineering-detail = { $names }: { $days } engineering days, once the platform is ready
plan-engineering-during-setup = { $names }: { $days } engineering days, during the setup
plan-engineering-days = { $names }: { $days } engineering days
plan-onboarding = Onboarding into operations
plan-onboarding-detail = { $names }: monitoring, alerting and runbooks, before go-live
plan-you-deliver = You deliver
plan-go-live = Go-live
plan-about = , about { $date }
plan-go-live-week = week { $week } after the order{ $dated }
plan-earliest = Earliest go-live: week { $week } after the order{ $dated }
plan-too-early = { $weeks ->
    [one] the go-live asked for, in { $weeks } week, is too early
   *[other] the go-live asked for, in { $weeks } weeks, is too early
}
plan-note = Weeks count from your order; dates assume an order on the date of this proposal. Durations are planning figures, confirmed with the binding offer.
col-when = When
col-who = Who
col-step = Step
col-what = What

## Tables

col-part = Part
col-component = Component
col-plan = Plan
col-provider = Provider
col-quantity = Quantity
col-monthly = Monthly ({ $currency })
col-one-time = One-time ({ $currency })
col-note = Note
col-availability = Availability
col-support-hours = Support hours
col-response-time = Response time
col-backups = Backups
col-maintenance = Maintenance
col-provider-part = Provider's part
col-customer-part = Customer's part
col-partner-part = Partner's part
total = Total

## Sections' own sentences

no-answers = No answers yet.
no-items = No components yet: answer more questions.
delivered-by = delivered by
lead-time = (lead time { $weeks } weeks)
bill-valid-until = All prices in { $currency }, { $vat }. Valid until { $date }.
bill-valid-for = All prices in { $currency }, { $vat }. Valid for { $days } days from the date of this proposal.
no-service-levels = No service levels apply yet.
no-responsibilities = No responsibilities recorded yet.
none-crossed = Everything asked for is part of our offer.
no-open-questions = None: every question is answered.
instead = What we propose instead
once-confirmed = What you asked for, once we have confirmed it; otherwise an alternative we agree on with you.
comparison-note = Rows in bold differ between the options. Prices are indicative where marked above.

## Boundaries

boundary-out-of-scope = Not part of our offer
boundary-needs-approval = Subject to our confirmation
boundary-needs-partner = Delivered by a partner
boundary-needs-engineering = Engineering effort to be estimated
compare-out-of-scope = not part of our offer
compare-needs-approval = subject to confirmation
compare-needs-partner = by a partner
compare-needs-engineering = engineering to estimate
compare-note = note

## Options compared

compare-totals = Totals
compare-monthly = Monthly
compare-one-time = One-time
compare-components = Components
compare-service-levels = Service levels
compare-boundaries = Boundaries
compare-per-month = { $plan }, { $amount }/month
compare-once = { $plan }, { $amount } one-time

## Assumptions

assume-prices = Prices are in { $currency }, { $vat }. Monthly prices recur every month; one-time prices are charged once.
assume-indicative = Figures marked “{ $indicative }” are planning figures, not binding prices; the binding offer confirms them.
assume-no-price = No price in this estimate: { $items }. The totals do not include them.
assume-sized = The estimate is sized for { $sizes }.
assume-prod-memory = { $amount } { $unit } of memory in production{ $assumed }
assume-nonprod-memory = { $amount } { $unit } in { $envs }{ $assumed }
assume-assumed = { " " }(assumed)
assume-the-nonprod = the non-production environment
assume-each-nonprod = each of { $count } non-production environments
assume-service-levels = Service levels marked “{ $indicative }” are planning figures until the binding offer.
assume-open = Where a question is still open, quantities and prices use planning values until it is answered.
assume-partners = Partner services are delivered under the partner's own terms and service levels.
assume-valid-until = This proposal is valid until { $date } ({ $days } days from its date).
assume-valid-for = This proposal is valid for { $days } days from its date.

## Next steps

next-open = { $count ->
    [one] Answer the { $count } open question above, so that we can confirm quantities and prices.
   *[other] Answer the { $count } open questions above, so that we can confirm quantities and prices.
}
next-out-of-scope = Agree on the alternatives we propose for what is not part of our offer.
next-confirm = We confirm the points marked “subject to our confirmation” with the teams responsible.
next-engineering = We estimate the engineering effort together with your developers.
next-partners = { $count ->
    [one] We introduce the partner named in this proposal ({ $partners }) and obtain their offer.
   *[other] We introduce the partners named in this proposal ({ $partners }) and obtain their offer.
}
next-partner = We introduce a partner for the parts a partner delivers.
next-offer-before = We turn this proposal into a binding offer with confirmed prices; please let us know before { $date }.
next-offer = We turn this proposal into a binding offer with confirmed prices.
next-plan = After your order, we follow the plan to go-live: go-live in week { $week }.
next-engineer = { $name }{ $reach } at VSHN is your contact for every question and agrees the next meeting{ $with }.
next-engineer-with = { " " }with { $contact }

## Bill of materials (CSV): the header row

csv-part = part
csv-component = component
csv-plan = plan
csv-provider = provider
csv-quantity = quantity
csv-monthly = monthly
csv-one-time = one_time
csv-currency = currency
csv-note = note

## OpenSLO descriptions

slo-service = Service levels agreed with { $customer }, exported by nunki (knowledge { $version }).
slo-indicator = Share of one-minute probes in the month in which { $component } answered successfully, as measured by VSHN's monitoring; maintenance in the agreed window excluded.
slo-objective = { $percent } % availability per calendar month for { $component } ({ $plan }).
slo-objective-indicative = { $percent } % availability per calendar month for { $component } ({ $plan }), { $indicative }.
slo-availability-of = Availability of { $component }
page-of = Page { $page } of { $count }
