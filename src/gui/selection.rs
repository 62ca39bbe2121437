//! What the user is pointing at, shared by the timeline, the event list and the source panel.
//! Panels read it from their context and change it only through [`Action`]s.

use super::action::Action;
use crate::model::EventId;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The clicked event (its cluster's other members are listed in the source panel).
    pub selected: Option<EventId>,
    /// The event under the pointer this frame, in any panel; its twins (the same event in
    /// other country lanes) are highlighted.
    pub hovered: Option<EventId>,
    /// Set when a panel other than the timeline selects an event, so the timeline can
    /// bring it into view once.
    pub reveal: bool,
}

impl Selection {
    /// Applies a selection action; returns false (and changes nothing) for other actions.
    pub fn apply(&mut self, action: &Action) -> bool {
        match action {
            Action::Select { event, reveal } => {
                self.selected = *event;
                self.reveal = *reveal;
            }
            Action::Hover(e) => self.hovered = *e,
            _ => return false,
        }
        true
    }

    /// The action that turns `self` into `after`, for a panel that worked on a copy: a
    /// change of selection (or of the reveal request) first, else of hover. A hover lost
    /// this way is seen again next frame.
    pub fn change_to(&self, after: &Selection) -> Option<Action> {
        if self.selected != after.selected || self.reveal != after.reveal {
            Some(Action::Select {
                event: after.selected,
                reveal: after.reveal,
            })
        } else if self.hovered != after.hovered {
            Some(Action::Hover(after.hovered))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_to_then_apply_round_trips() {
        let before = Selection::default();
        let after = Selection {
            selected: Some(3),
            hovered: None,
            reveal: true,
        };
        let a = before.change_to(&after).unwrap();
        let mut s = before.clone();
        assert!(s.apply(&a));
        assert_eq!(s, after);
        assert_eq!(after.change_to(&after), None);
        let hovered = Selection {
            hovered: Some(7),
            ..after.clone()
        };
        assert_eq!(after.change_to(&hovered), Some(Action::Hover(Some(7))));
        assert!(!s.apply(&Action::Undo));
    }
}
