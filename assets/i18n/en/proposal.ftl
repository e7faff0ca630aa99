# The proposal's fixed wording (English).

open-questions-answer = Answer the { $count ->
    [one] open question
   *[other] { $count } open questions
} above, so that we can confirm quantities and prices.
