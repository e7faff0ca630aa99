//! Whatever is typed, clicked or pasted, at whatever terminal size, the
//! screen neither panics nor loses what was saved: random input, drawn
//! after every step.
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::tui::Msg;
use proptest::prelude::*;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_support::Harness;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Click(u16, u16),
    Wheel(bool, u16, u16),
    Resize(u16, u16),
}

fn input() -> impl Strategy<Value = Input> {
    let key = prop_oneof![
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Delete,
            KeyCode::Backspace,
        ])
        .prop_map(|c| Input::Key(c, KeyModifiers::NONE)),
        // Letters that are commands somewhere (q is left out: it quits).
        prop::sample::select(
            "nyxwaercpigov/ ?jkhlG0123456789.,é日"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(|c| Input::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        prop::sample::select(vec!['n', 'p', 'u', 'w', 'k', 'e', 'a'])
            .prop_map(|c| Input::Key(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ];
    prop_oneof![
        8 => key,
        1 => "[ -~äöü日\n\t]{0,12}".prop_map(Input::Paste),
        1 => (0u16..130, 0u16..45).prop_map(|(x, y)| Input::Click(x, y)),
        1 => (any::<bool>(), 0u16..130, 0u16..45).prop_map(|(up, x, y)| Input::Wheel(up, x, y)),
        1 => (1u16..140, 1u16..50).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics(inputs in prop::collection::vec(input(), 1..80)) {
        let mut h = Harness::new(100, 30);
        h.new_session("Fuzz AG");
        for i in inputs {
            let msg = match i {
                Input::Key(code, mods) => Msg::Key(KeyEvent::new(code, mods)),
                Input::Paste(p) => Msg::Paste(p),
                Input::Click(x, y) => Msg::Mouse(MouseEvent { kind: MouseEventKind::Down(MouseButton::Left), column: x, row: y, modifiers: KeyModifiers::NONE }),
                Input::Wheel(up, x, y) => Msg::Mouse(MouseEvent {
                    kind: if up { MouseEventKind::ScrollUp } else { MouseEventKind::ScrollDown },
                    column: x, row: y, modifiers: KeyModifiers::NONE,
                }),
                Input::Resize(w, hh) => {
                    h.terminal.backend_mut().resize(w, hh);
                    Msg::Resize(w, hh)
                }
            };
            h.send(msg);
            h.draw();
            if h.quit {
                break;
            }
        }
        // Whatever happened, what the app holds is what is on disk.
        if let Some(open) = &h.app.open {
            let saved = h.saved();
            prop_assert_eq!(&saved.answers, &open.session.answers);
            prop_assert_eq!(&saved.overrides, &open.session.overrides);
            prop_assert_eq!(&saved.notes, &open.session.notes);
            prop_assert_eq!(&saved.options, &open.session.options);
            // What shows is the scope of what is edited, as the engine makes it.
            let expected = match open.editing.and_then(|i| open.session.options.get(i)) {
                Some(o) => open.session.evaluate_option(&h.knowledge, o).scope,
                None => open.session.evaluate(&h.knowledge).scope,
            };
            prop_assert_eq!(&open.eval.scope, &expected);
        }
    }
}
