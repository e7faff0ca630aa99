//! A deterministic knowledge a hundred times the shipped one (10 000
//! offerings, 5 000 rules, 300 questions) and answers to all of it, as RON
//! texts, so benches measure the real parse → validate → evaluate path.
//! Shared by the benches and by a test that keeps it valid.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use nunki::engine::Answer;
use nunki::knowledge::{KnowledgeTexts, SourceText};

pub const OFFERINGS: usize = 10_000;
pub const RULES: usize = 5_000;
pub const QUESTIONS: usize = 300;
const PER_SECTION: usize = 10;
const FAMILIES: [&str; 7] = [
    "appuio_cloud",
    "managed_openshift",
    "managed_kubernetes",
    "appcat",
    "appops",
    "appflow",
    "partner",
];

/// Question `i` has a kind chosen by `i % 5`.
fn kind_of(i: usize) -> usize {
    i % 5
}

fn qid(i: usize) -> String {
    format!("q{i:03}")
}

pub fn texts() -> KnowledgeTexts {
    KnowledgeTexts {
        catalog: source("catalog.ron", catalog()),
        questionnaire: source("questionnaire.ron", questionnaire()),
        rules: source("rules.ron", rules()),
        tech_radar: source("tech_radar.ron", radar()),
    }
}

fn source(name: &str, text: String) -> SourceText {
    SourceText {
        origin: format!("generated {name}"),
        text,
    }
}

fn questionnaire() -> String {
    let mut s = String::from("(sections: [\n");
    for sec in 0..QUESTIONS / PER_SECTION {
        let _ = writeln!(s, "(id: \"s{sec}\", title: \"Section {sec}\", questions: [");
        for j in 0..PER_SECTION {
            let i = sec * PER_SECTION + j;
            let kind = match kind_of(i) {
                0 => "Single(options: [(id: \"a\", label: \"A\"), (id: \"b\", label: \"B\"), (id: \"c\", label: \"C\")])".to_string(),
                1 => "Multi(options: [(id: \"x\", label: \"X\"), (id: \"y\", label: \"Y\"), (id: \"z\", label: \"Z\")])".to_string(),
                2 => "Number(unit: \"units\", min: 0, max: 1000)".to_string(),
                3 => "YesNo".to_string(),
                _ => "Text()".to_string(),
            };
            // Every tenth question is skip logic on the section's first one.
            let when = if j == 9 {
                format!("when: Is(\"{}\", \"a\"), ", qid(sec * PER_SECTION))
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "  (id: \"{}\", prompt: \"Question {i}?\", help: \"Why {i}.\", importance: {}, {when}kind: {kind}),",
                qid(i),
                1 + i % 5
            );
        }
        s.push_str("]),\n");
    }
    s.push_str("])\n");
    s
}

fn number_question(n: usize) -> String {
    // Kind 2 questions are numbers: 2, 7, 12, …
    qid((n * 5 + 2) % QUESTIONS)
}

fn catalog() -> String {
    let mut s = String::from(
        "(currency: \"CHF\", approvers: [(id: \"owner\", name: \"Owner\"), (id: \"other\", name: \"Other\")], offerings: [\n",
    );
    for o in 0..OFFERINGS {
        let family = FAMILIES[o % FAMILIES.len()];
        let _ = write!(
            s,
            "(id: \"o{o}\", name: \"Offering {o}\", family: {family}, provider: \"VSHN\", description: \"Generated {o}.\", owner: \"owner\", lead_time_weeks: {}, plans: [",
            o % 12
        );
        for p in 0..3 {
            let price = match (o + p) % 10 {
                0 => format!(
                    "(label: \"share\", recurrence: monthly, kind: PercentOfRecurring(percent: 5, minimum: {}))",
                    100 + p
                ),
                1..=4 => format!(
                    "(label: \"unit\", recurrence: monthly, kind: PerUnit(unit: \"GiB\", amount: {}.5, units: FromAnswers(answers: [(\"{}\", 2)])))",
                    o % 90 + p,
                    number_question(o + p)
                ),
                _ => format!(
                    "(label: \"fee\", recurrence: monthly, kind: Fixed({})), (label: \"setup\", recurrence: one_time, kind: Fixed({}))",
                    100 + o % 500,
                    1000 + p
                ),
            };
            let _ = write!(
                s,
                "(id: \"p{p}\", name: \"Plan {p}\", service_level: (availability: 99.{p}), prices: [{price}]),"
            );
        }
        s.push_str("]),\n");
    }
    s.push_str("])\n");
    s
}

fn rules() -> String {
    let mut s = String::from("(rules: [\n");
    for r in 0..RULES {
        let single = qid((r * 5) % QUESTIONS);
        let multi = qid((r * 5 + 1) % QUESTIONS);
        let number = number_question(r);
        let yes = qid((r * 5 + 3) % QUESTIONS);
        let opt = ["a", "b", "c"][r % 3];
        let when = match r % 4 {
            0 => format!("Is(\"{single}\", \"{opt}\")"),
            1 => format!(
                "All([Includes(\"{multi}\", \"x\"), AtLeast(\"{number}\", {})])",
                r % 100
            ),
            2 => format!(
                "Any([Yes(\"{yes}\"), Included(\"o{}\")])",
                (r * 7) % OFFERINGS
            ),
            _ => format!("Not(Is(\"{single}\", \"c\"))"),
        };
        let effect = if r % 5 == 4 {
            let sev = [
                "out_of_scope",
                "needs_approval",
                "needs_partner",
                "needs_engineering",
                "info",
            ][(r / 5) % 5];
            format!(
                "Flag((severity: {sev}, title: \"Flag {r}\", detail: \"Detail {{{number}}}\", remediation: \"Do {r}.\", approver: \"other\"))"
            )
        } else {
            format!(
                "Include(offering: \"o{}\", plan: \"p{}\", quantity: FromAnswers(answers: [(\"{number}\", 1)], min: 1))",
                (r * 2) % OFFERINGS,
                r % 3
            )
        };
        let _ = writeln!(
            s,
            "(id: \"r{r}\", description: \"Rule {r}.\", when: {when}, effects: [{effect}]),"
        );
    }
    s.push_str("])\n");
    s
}

fn radar() -> String {
    let mut s = String::from("(entries: [\n");
    for t in 0..200 {
        let ring = ["adopt", "trial", "assess", "hold"][t % 4];
        let _ = writeln!(s, "(id: \"t{t}\", name: \"Tech {t}\", ring: {ring}),");
    }
    s.push_str("])\n");
    s
}

/// An answer to every question of the generated questionnaire.
pub fn answers() -> BTreeMap<String, Answer> {
    (0..QUESTIONS)
        .map(|i| {
            let a = match kind_of(i) {
                0 => Answer::Text(["a", "b", "c"][i % 3].to_string()),
                1 => Answer::List(vec!["x".into(), "z".into()]),
                2 => Answer::Number((i % 97) as f64),
                3 => Answer::Bool(i % 2 == 0),
                _ => Answer::Text("Tech 3, Tech 7, Unknown thing".into()),
            };
            (qid(i), a)
        })
        .collect()
}
