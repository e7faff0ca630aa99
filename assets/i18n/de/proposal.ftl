# Die festen Formulierungen der Offerte (Deutsch).

open-questions-answer = Beantworten Sie { $count ->
    [one] die offene Frage
   *[other] die { $count } offenen Fragen
} oben, damit wir Mengen und Preise bestätigen können.
