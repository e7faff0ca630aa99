# Fixed wording shared by the screens and every export (English).
# Each message has its German twin in ../de/common.ftl with the same id.

language-name = English

## Dates: the long form, "2 December 2026"

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Prices

excl-vat = excl. VAT
valid-until = Valid until
indicative = indicative, to be confirmed
price-on-request = price on request
basis-included = included
basis-on-request = on request
basis-by-provider = billed by the provider
basis-customers-own = the customer's own
not-in-totals = not in the totals: { $parts }
not-in-totals-sentence = Not in the totals: { $parts }.

## Answers in words

answer-yes = yes
answer-no = no
answer-none = none
not-answered = (not answered)
weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
budget-converted = { $currency } { $amount } (about { $own } { $converted } at { $rate }, rate of { $date })

## Flags the engine raises itself

stale-overrides-title = Manual additions no longer in the catalog
stale-overrides-detail = These offerings were added by hand but the catalog no longer has them: { $offerings }.
