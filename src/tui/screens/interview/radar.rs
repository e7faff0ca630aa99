//! Tech Radar completion: the names that fit what is typed, putting one
//! in, and the ring of each name in an answer.

use super::*;

/// Where the name being typed starts: after the last separator that
/// `split_names` knows, and after the spaces that follow it.
pub(super) fn word_start(text: &str) -> usize {
    let after = text.rfind([',', ';']).map_or(0, |i| i + 1);
    after + (text[after..].len() - text[after..].trim_start().len())
}

/// The radar entries that fit the name typed after the last comma, best
/// first (fuzzy, over names and aliases), leaving out names already in
/// the answer. Nothing is offered for an empty name.
pub fn suggest(radar: &TechRadar, text: &str) -> Vec<Suggestion> {
    let start = word_start(text);
    let word = text[start..].trim_end();
    if word.is_empty() {
        return Vec::new();
    }
    let named: Vec<&str> = split_names(&text[..start])
        .filter_map(|n| radar.lookup(n).map(|e| e.id.as_str()))
        .collect();
    let mut matcher = Fuzzy::new(word, Case::Ignore);
    let mut found: Vec<(i64, Suggestion)> = Vec::new();
    for (i, e) in radar.entries.iter().enumerate() {
        if named.contains(&e.id.as_str()) {
            continue;
        }
        let by_name = matcher
            .indices(&e.name)
            .map(|(score, idx)| (score, None, idx));
        let by_alias: Vec<_> = e
            .aliases
            .iter()
            .filter_map(|a| {
                matcher
                    .score(a)
                    .map(|score| (score, Some(a.clone()), Vec::new()))
            })
            .collect();
        // The name wins a tie: it is what the suggestion puts in.
        let best = by_name.into_iter().chain(by_alias).fold(
            None::<(i64, Option<String>, Vec<usize>)>,
            |best, c| match best {
                Some(b) if b.0 >= c.0 => Some(b),
                _ => Some(c),
            },
        );
        if let Some((score, alias, indices)) = best {
            found.push((
                score,
                Suggestion {
                    entry: i,
                    alias,
                    indices,
                },
            ));
        }
    }
    found.sort_by(|a, b| {
        b.0.cmp(&a.0).then_with(|| {
            radar.entries[a.1.entry]
                .name
                .cmp(&radar.entries[b.1.entry].name)
        })
    });
    found
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, s)| s)
        .collect()
}

/// The text with the name being typed replaced by `name`.
pub fn complete(text: &str, name: &str) -> String {
    let start = word_start(text);
    let head = &text[..start];
    if head.is_empty() || head.ends_with(' ') {
        format!("{head}{name}")
    } else {
        format!("{head} {name}")
    }
}

/// A ring in words, "unknown" for a name the radar does not list.
pub fn ring_word(ring: Option<Ring>) -> &'static str {
    ring.map_or("unknown", Ring::id)
}

pub(super) fn ring_style(t: &Theme, ring: Option<Ring>) -> ratatui::style::Style {
    match ring {
        Some(Ring::Adopt) => t.ok,
        Some(Ring::Trial) => t.text,
        Some(Ring::Assess) => t.warn,
        Some(Ring::Hold) | None => t.error,
    }
}

pub(super) fn is_radar(q: &Question) -> bool {
    matches!(q.kind, QuestionKind::Text { radar: true })
}

/// "Radar: Postgres adopt · COBOL hold · Fortran unknown": the ring of each
/// name in a radar answer, as the rules read it, wrapped between names.
pub fn ring_lines(t: &Theme, radar: &TechRadar, text: &str, w: u16) -> Vec<Line<'static>> {
    let w = w as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let lead = "  Radar: ";
    let mut spans: Vec<Span<'static>> = vec![Span::styled(lead, t.dim)];
    let mut used = width(lead);
    for (i, name) in split_names(text).enumerate() {
        let ring = radar.lookup(name).map(|e| e.ring);
        let word = ring_word(ring);
        // Only a name too long for a line of its own is cut.
        let name = truncate(name, w.saturating_sub(width(lead) + 1 + width(word)).max(4));
        let sep = if i == 0 { "" } else { " · " };
        let token_w = width(sep) + width(&name) + 1 + width(word);
        if i > 0 && used + token_w > w {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" ".repeat(width(lead))));
            used = width(lead);
        } else if !sep.is_empty() {
            spans.push(Span::styled(sep, t.dim));
            used += width(sep);
        }
        used += width(&name) + 1 + width(word);
        spans.push(Span::styled(name, t.text));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(word, ring_style(t, ring)));
    }
    if spans.len() > 1 {
        lines.push(Line::from(spans));
    }
    lines
}

/// The suggestion list under a radar field: name (matched letters marked,
/// or the alias that matched) and ring.
pub(super) fn suggestion_lines(
    t: &Theme,
    ctx: &Ctx<'_>,
    state: &InterviewState,
    w: u16,
) -> Vec<Line<'static>> {
    let w = w as usize;
    let ring_w = 8;
    let name_w = w.saturating_sub(4 + ring_w);
    state
        .suggestions
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let e = ctx.knowledge.radar.entries.get(s.entry)?;
            let chosen = state.suggestion == Some(i);
            let base = if chosen { t.selected } else { t.text };
            let mut spans = vec![Span::styled(if chosen { "  › " } else { "    " }, base)];
            let name = truncate(&e.name, name_w);
            let mut used = width(&name);
            spans.extend(highlighted(&name, &s.indices, base, base.patch(t.matched)));
            if let Some(alias) = &s.alias {
                let extra = truncate(&format!(" ({alias})"), name_w.saturating_sub(used));
                used += width(&extra);
                spans.push(Span::styled(extra, if chosen { base } else { t.dim }));
            }
            spans.push(Span::styled(" ".repeat(name_w.saturating_sub(used)), base));
            let ring = Some(e.ring);
            spans.push(Span::styled(
                fit_right(ring_word(ring), ring_w),
                if chosen { base } else { ring_style(t, ring) },
            ));
            let line = Line::from(spans);
            Some(if chosen { line.style(t.selected) } else { line })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::radar::RadarEntry;

    fn radar() -> TechRadar {
        let e = |id: &str, name: &str, ring, aliases: &[&str]| RadarEntry {
            id: id.into(),
            name: name.into(),
            ring,
            quadrant: String::new(),
            note: String::new(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        TechRadar {
            entries: vec![
                e("postgresql", "PostgreSQL", Ring::Adopt, &["Postgres"]),
                e("kafka", "Kafka", Ring::Assess, &[]),
                e("kubernetes", "Kubernetes", Ring::Adopt, &["k8s"]),
            ],
        }
    }

    fn names(r: &TechRadar, s: &[Suggestion]) -> Vec<String> {
        s.iter().map(|s| r.entries[s.entry].name.clone()).collect()
    }

    #[test]
    fn suggestions_fit_the_name_after_the_last_comma() {
        let r = radar();
        assert!(suggest(&r, "").is_empty());
        assert!(suggest(&r, "Kafka, ").is_empty());
        assert_eq!(names(&r, &suggest(&r, "pg")), ["PostgreSQL"]);
        // An alias finds its entry, and says it matched.
        let k8s = suggest(&r, "Kafka; k8");
        assert_eq!(names(&r, &k8s), ["Kubernetes"]);
        assert_eq!(k8s[0].alias.as_deref(), Some("k8s"));
        // Names given already are not offered again.
        assert_eq!(names(&r, &suggest(&r, "Kafka, ka")), Vec::<String>::new());
    }

    #[test]
    fn completing_replaces_only_the_name_being_typed() {
        assert_eq!(complete("po", "PostgreSQL"), "PostgreSQL");
        assert_eq!(complete("Kafka, po", "PostgreSQL"), "Kafka, PostgreSQL");
        assert_eq!(complete("Kafka,po", "PostgreSQL"), "Kafka, PostgreSQL");
        assert_eq!(complete("Kafka;  pO", "PostgreSQL"), "Kafka;  PostgreSQL");
    }

    #[test]
    fn rings_are_read_as_the_rules_read_them() {
        let t = Theme::new(crate::tui::theme::ThemeKind::NoColor);
        let r = radar();
        let text = |lines: Vec<Line>| {
            lines
                .iter()
                .map(|l| {
                    l.spans
                        .iter()
                        .map(|s| s.content.as_ref())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            text(ring_lines(&t, &r, "postgres, Fortran", 60)),
            ["  Radar: postgres adopt · Fortran unknown"]
        );
        let narrow = text(ring_lines(&t, &r, "Kafka, Kubernetes, Fortran", 30));
        assert_eq!(
            narrow,
            [
                "  Radar: Kafka assess",
                "         Kubernetes adopt",
                "         Fortran unknown"
            ]
        );
        assert!(ring_lines(&t, &r, " , ", 30).is_empty());
    }
}
