//! What the user is pointing at, shared by the timeline, the event list and the source panel.

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
