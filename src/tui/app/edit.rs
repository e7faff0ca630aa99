//! What a change does to the session or to the option being edited, and
//! the views of it the app shows (its scope, its proposal, similar setups).

use super::*;

/// The scope of what is edited: the session's own answers, or an option's.
pub(super) fn evaluate(
    knowledge: &Knowledge,
    session: &Session,
    editing: Option<usize>,
) -> Evaluated {
    match editing.and_then(|i| session.options.get(i)) {
        Some(option) => session.evaluate_option(knowledge, option),
        None => session.evaluate(knowledge),
    }
}

/// Answers question `q` for what is edited. An option keeps only answers
/// that differ from the session's: answering as Base does removes its own.
pub(super) fn set_answer(session: &mut Session, editing: Option<usize>, q: String, a: Answer) {
    let base_is = session.answers.get(&q) == Some(&a);
    match editing.and_then(|i| session.options.get_mut(i)) {
        Some(option) if base_is => {
            option.answers.remove(&q);
        }
        Some(option) => {
            option.answers.insert(q, a);
        }
        None => {
            session.answers.insert(q, a);
        }
    }
}

/// Clears question `q` for what is edited; an option then follows Base.
pub(super) fn clear_answer(session: &mut Session, editing: Option<usize>, q: &str) {
    match editing.and_then(|i| session.options.get_mut(i)) {
        Some(option) => {
            option.answers.remove(q);
        }
        None => {
            session.answers.remove(q);
        }
    }
}

/// The hand-made changes of what is edited. An option that has none of
/// its own starts from a copy of the session's when first changed.
pub(super) fn overrides_mut(session: &mut Session, editing: Option<usize>) -> &mut Overrides {
    match editing.and_then(|i| session.options.get_mut(i)) {
        Some(option) => option
            .overrides
            .get_or_insert_with(|| session.overrides.clone()),
        None => &mut session.overrides,
    }
}

/// The proposal of what is edited, as `nunki export --option` builds it:
/// the customer's in the session's language, the internal one in English.
pub(super) fn proposal(knowledge: &Knowledge, open: &Open, audience: Audience) -> Proposal {
    let mut subject = Subject::of_session(&open.session);
    let option = open.editing.and_then(|i| open.session.options.get(i));
    let merged = option.map(|o| open.session.option_answers(o));
    if let (Some(o), Some(answers)) = (option, &merged) {
        subject.option = Some(&o.name);
        subject.answers = answers;
    }
    if let Some(similar) = &open.similar {
        subject.similar = similar;
    }
    if audience == Audience::Internal && knowledge.lang() != crate::i18n::Lang::En {
        let english = knowledge.in_language(crate::i18n::Lang::En);
        let eval = evaluate(&english, &open.session, open.editing);
        return Proposal::build(&subject, &eval.scope, &english, audience);
    }
    Proposal::build(&subject, &open.eval.scope, knowledge, audience)
}

/// The won sessions most like what is edited (`nunki similar`).
pub(super) fn similar_to(
    knowledge: &Knowledge,
    open: &Open,
    won: &[Session],
) -> Vec<crate::similar::Similar> {
    crate::similar::similar_among(
        knowledge,
        (&open.session, &open.eval.scope),
        won,
        crate::similar::SHOWN,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let mut s = Session::new(
            "s".into(),
            Default::default(),
            jiff::Timestamp::UNIX_EPOCH,
            &Knowledge::embedded().expect("the shipped knowledge is valid"),
        );
        s.answers
            .insert("tenancy".into(), Answer::Text("shared".into()));
        s.options.push(ScopeOption {
            name: "B".into(),
            answers: Default::default(),
            overrides: None,
        });
        s
    }

    #[test]
    fn an_option_keeps_only_answers_that_differ_from_base() {
        let mut s = session();
        let dedicated = Answer::Text("dedicated".into());
        set_answer(&mut s, Some(0), "tenancy".into(), dedicated.clone());
        assert_eq!(s.options[0].answers.get("tenancy"), Some(&dedicated));
        assert_eq!(
            s.answers.get("tenancy"),
            Some(&Answer::Text("shared".into()))
        );
        set_answer(
            &mut s,
            Some(0),
            "tenancy".into(),
            Answer::Text("shared".into()),
        );
        assert!(s.options[0].answers.is_empty());
        set_answer(&mut s, Some(0), "operate".into(), Answer::Bool(true));
        clear_answer(&mut s, Some(0), "operate");
        assert!(s.options[0].answers.is_empty());
        // Editing Base changes the session's own answers only.
        set_answer(&mut s, None, "operate".into(), Answer::Bool(true));
        assert_eq!(s.answers.get("operate"), Some(&Answer::Bool(true)));
        assert!(s.options[0].answers.is_empty());
        clear_answer(&mut s, None, "operate");
        assert!(!s.answers.contains_key("operate"));
    }

    #[test]
    fn an_option_gets_its_own_overrides_when_first_changed() {
        let mut s = session();
        s.overrides.remove("support", "in the framework contract");
        overrides_mut(&mut s, Some(0)).reset("support");
        let own = s.options[0].overrides.as_ref().expect("its own now");
        assert!(own.removed.is_empty());
        assert_eq!(s.overrides.removed.len(), 1, "Base keeps its removal");
    }
}
