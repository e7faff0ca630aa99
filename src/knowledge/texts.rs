//! Every customer-facing text of the knowledge, walked in one place: to
//! set the language they show in, and to find the ones without German.

use super::text::Text;
use super::{Catalog, Effect, Knowledge, QuestionKind, Questionnaire, Rule, Severity};
use crate::i18n::Lang;

/// Which knowledge file a text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    Catalog,
    Questionnaire,
    Rules,
}

/// Where a text stands: the strings that lead to it in its file (ids,
/// then the field), and what it is in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub file: File,
    pub anchors: Vec<String>,
    pub what: String,
}

/// What [`each_text`] calls for each text: the text, whether it must
/// exist in every language, and a way to say where it is (built only
/// when asked, so a complete knowledge costs no allocation).
pub type Visit<'k, 'f> = dyn FnMut(&'k Text, bool, &dyn Fn() -> Place) + 'f;

/// Calls `f` for every customer-facing text with whether it must exist in
/// every language (offering names need not: most are product names) and a
/// way to say where it is.
pub fn each_text<'k>(k: &'k Knowledge, f: &mut Visit<'k, '_>) {
    catalog(&k.catalog, f);
    questionnaire(&k.questionnaire, f);
    for rule in &k.rules {
        flags(rule, f);
    }
}

fn id(id: &str) -> String {
    super::diagnostic::id_field(id)
}

/// The first words of a text, to find it in its file.
fn start(t: &Text) -> String {
    t.en()
        .chars()
        .take(24)
        .take_while(|c| *c != '"' && *c != '\\')
        .collect()
}

fn catalog<'k>(c: &'k Catalog, f: &mut Visit<'k, '_>) {
    for task in &c.go_live.customer_tasks {
        f(&task.text, true, &|| Place {
            file: File::Catalog,
            anchors: vec!["go_live".into(), id(&task.id), "text".into()],
            what: format!("the text of the customer task \"{}\"", task.id),
        });
    }
    for o in &c.offerings {
        let at = |field: &str, extra: Option<String>| {
            let mut anchors = vec![id(&o.id)];
            anchors.extend(extra);
            anchors.push(field.to_string());
            anchors
        };
        let place = |field: &str, extra: Option<String>, what: String| Place {
            file: File::Catalog,
            anchors: at(field, extra),
            what,
        };
        // Names and providers are mostly product names: no German needed.
        for (field, text, for_customer) in [
            ("name", &o.name, false),
            ("provider", &o.provider, false),
            ("description", &o.description, true),
        ] {
            f(text, for_customer, &|| {
                place(field, None, format!("the {field} of offering \"{}\"", o.id))
            });
        }
        for p in &o.plans {
            let sl = &p.service_level;
            for (field, t) in [
                ("name", Some(&p.name)),
                ("response_time", sl.response_time.as_ref()),
                ("backups", sl.backups.as_ref()),
                ("maintenance", sl.maintenance.as_ref()),
            ] {
                if let Some(t) = t {
                    f(t, true, &|| {
                        place(
                            field,
                            Some(id(&p.id)),
                            format!("the {field} of plan \"{}\" of \"{}\"", p.id, o.id),
                        )
                    });
                }
            }
        }
        let r = &o.responsibilities;
        for (who, lines) in [
            ("provider", &r.provider),
            ("customer", &r.customer),
            ("partner", &r.partner),
        ] {
            for t in lines {
                f(t, true, &|| Place {
                    file: File::Catalog,
                    anchors: vec![id(&o.id), "responsibilities".into(), start(t)],
                    what: format!("a {who} responsibility of offering \"{}\"", o.id),
                });
            }
        }
    }
}

fn questionnaire<'k>(qn: &'k Questionnaire, f: &mut Visit<'k, '_>) {
    for s in &qn.sections {
        f(&s.title, true, &|| Place {
            file: File::Questionnaire,
            anchors: vec![id(&s.id), "title".into()],
            what: format!("the title of section \"{}\"", s.id),
        });
        for q in &s.questions {
            let place = |field: &str, what: &str| Place {
                file: File::Questionnaire,
                anchors: vec![id(&q.id), field.to_string()],
                what: format!("the {what} of question \"{}\"", q.id),
            };
            if let Some(t) = &q.topic {
                f(t, true, &|| place("topic", "topic"));
            }
            f(&q.prompt, true, &|| place("prompt", "prompt"));
            f(&q.help, true, &|| place("help", "\"why we ask\""));
            if let Some(t) = &q.statement {
                f(t, true, &|| place("statement", "statement"));
            }
            if let Some(t) = &q.statement_no {
                f(t, true, &|| place("statement_no", "statement of a \"no\""));
            }
            if let QuestionKind::Number { unit, unit_one, .. } = &q.kind {
                f(unit, true, &|| place("unit", "unit"));
                if let Some(t) = unit_one {
                    f(t, false, &|| place("unit_one", "unit after 1"));
                }
            }
            for o in q.options().iter().chain(q.retired_options()) {
                let place = |field: &str, what: &str| Place {
                    file: File::Questionnaire,
                    anchors: vec![id(&q.id), id(&o.id), field.to_string()],
                    what: format!("the {what} of option \"{}\" of question \"{}\"", o.id, q.id),
                };
                f(&o.label, true, &|| place("label", "label"));
                if let Some(t) = &o.statement {
                    f(t, true, &|| place("statement", "statement"));
                }
            }
        }
    }
}

fn flags<'k>(rule: &'k Rule, f: &mut Visit<'k, '_>) {
    for e in &rule.effects {
        let Effect::Flag(spec) = e else { continue };
        let place = |field: &str, what: &str| Place {
            file: File::Rules,
            anchors: vec![id(&rule.id), field.to_string()],
            what: format!("the flag {what} of rule \"{}\"", rule.id),
        };
        f(&spec.title, true, &|| place("title", "title"));
        f(&spec.detail, true, &|| place("detail", "detail"));
        // The engineer's advice reaches the customer only where the rule
        // has no words of its own for them and the flag is a boundary
        // the proposal words this way (see the proposal's boundaries).
        let customer_sees = spec.customer_remediation.is_none()
            && !matches!(spec.severity, Severity::Info | Severity::NeedsApproval);
        f(&spec.remediation, customer_sees, &|| {
            place("remediation", "remediation")
        });
        if let Some(t) = &spec.customer_remediation {
            f(t, true, &|| {
                place("customer_remediation", "customer remediation")
            });
        }
    }
}

/// Sets every text of `k` to show in `lang`; returns how many it set.
pub fn set_lang(k: &mut Knowledge, lang: Lang) -> usize {
    let mut n = 0;
    let mut set = |t: &mut Text| {
        t.set_lang(lang);
        n += 1;
    };
    for task in &mut k.catalog.go_live.customer_tasks {
        set(&mut task.text);
    }
    for o in &mut k.catalog.offerings {
        set(&mut o.name);
        set(&mut o.provider);
        set(&mut o.description);
        for p in &mut o.plans {
            set(&mut p.name);
            let sl = &mut p.service_level;
            for t in [&mut sl.response_time, &mut sl.backups, &mut sl.maintenance]
                .into_iter()
                .flatten()
            {
                set(t);
            }
        }
        let r = &mut o.responsibilities;
        for t in r
            .provider
            .iter_mut()
            .chain(&mut r.customer)
            .chain(&mut r.partner)
        {
            set(t);
        }
    }
    for s in &mut k.questionnaire.sections {
        set(&mut s.title);
        for q in &mut s.questions {
            for t in [&mut q.topic, &mut q.statement, &mut q.statement_no]
                .into_iter()
                .flatten()
            {
                set(t);
            }
            set(&mut q.prompt);
            set(&mut q.help);
            match &mut q.kind {
                QuestionKind::Number { unit, unit_one, .. } => {
                    set(unit);
                    if let Some(t) = unit_one {
                        set(t);
                    }
                }
                QuestionKind::Single { options, retired }
                | QuestionKind::Multi { options, retired } => {
                    for o in options.iter_mut().chain(retired) {
                        set(&mut o.label);
                        if let Some(t) = &mut o.statement {
                            set(t);
                        }
                    }
                }
                QuestionKind::YesNo | QuestionKind::Text { .. } => {}
            }
        }
    }
    for rule in &mut k.rules {
        for e in &mut rule.effects {
            if let Effect::Flag(spec) = e {
                set(&mut spec.title);
                set(&mut spec.detail);
                set(&mut spec.remediation);
                if let Some(t) = &mut spec.customer_remediation {
                    set(t);
                }
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_walks_reach_the_same_texts() {
        let Ok(mut k) = Knowledge::embedded() else {
            panic!("the shipped knowledge is invalid")
        };
        let mut seen = 0;
        each_text(&k, &mut |_, _, _| seen += 1);
        assert_eq!(set_lang(&mut k, Lang::De), seen);
        assert!(seen > 500, "{seen}");
    }
}
