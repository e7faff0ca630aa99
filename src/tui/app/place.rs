//! Where the screen was in a session, kept so that reopening it returns
//! there (the shell writes it to a small place file, never to the
//! session).

use super::*;

impl App {
    /// Where the screen is in the open session: the option edited, the
    /// screen (of those a session shows) and the question.
    pub(super) fn place(&self) -> Option<(String, Place)> {
        let open = self.open.as_ref()?;
        let screen = self.screen.place_name()?;
        let option = open
            .editing
            .and_then(|i| open.session.options.get(i))
            .map(|o| o.name.clone());
        Some((
            open.session.id.clone(),
            Place {
                option,
                screen: screen.into(),
                question: open.interview.question.clone(),
            },
        ))
    }

    /// Goes back to where the screen was when the session was last open:
    /// the option (while it exists), the question (while it is asked)
    /// and the screen.
    pub(super) fn restore(&mut self, place: &Place) {
        let Some(open) = &mut self.open else { return };
        let editing = place
            .option
            .as_ref()
            .and_then(|name| open.session.options.iter().position(|o| &o.name == name));
        if editing.is_some() {
            open.editing = editing;
            open.eval = evaluate(&self.knowledge, &open.session, editing);
        }
        let ctx = open_ctx!(self.knowledge, open);
        if ctx.scope.visible_questions.contains(&place.question) {
            open.interview.go_to(&ctx, &place.question);
        } else {
            open.interview.after_change(&ctx);
        }
        open.catalog.sync(&ctx, &self.catalog_order);
        let screen = Screen::from_place_name(&place.screen);
        if self.overlay.is_none()
            && self.notice.is_none()
            && let Some(name) = &place.option
            && editing.is_some()
        {
            self.set_notice(
                Tone::Info,
                format!("Back where you left off: editing option \"{name}\"; o switches to Base."),
            );
        }
        self.dirty = true;
        // The overlay (a notice box from opening) stays on top.
        let overlay = self.overlay.take();
        self.go_screen(screen);
        self.overlay = overlay;
    }
}
